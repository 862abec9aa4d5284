import { describe, expect, inject, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';

describe('workspace switcher', () => {
  const browser = useBrowser();

  it('appears for a user of two workspaces, and the list follows the active one', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    // A colleague from the demo workspace, so the demo owner's own session is left alone.
    await logIn(page, { email: 'emma@kesher.dev', password: inject('demoLogin').password });
    expect(await page.getByTestId('workspace-name').isVisible()).toBe(true);

    const session = await (await page.request.get('/api/auth/session')).json();
    const created = await page.request.post('/api/workspaces', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { name: 'Emma Consulting', slug: `emma-${Date.now().toString(36)}`, defaultLocale: 'en' },
    });
    expect(created.status()).toBe(201);

    await page.reload();
    const switcher = page.getByTestId('workspace-switcher');
    await switcher.waitFor();
    await switcher.click();
    await page.getByRole('option', { name: 'Emma Consulting' }).click();
    await page.getByText('Switched to the workspace Emma Consulting').waitFor();
    await page.getByTestId('contacts-empty').waitFor();
    expect(await page.getByTestId('contacts-empty').innerText()).toContain('Nothing here yet');
    await screenshot(page, 'contacts-empty-en-ltr');

    await switcher.click();
    await page.getByRole('option', { name: session.workspace.name }).click();
    await page.getByTestId('contact-row').first().waitFor();
  });
});
