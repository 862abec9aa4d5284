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
    // The empty list names what it lists and offers to create the first one.
    const emptyText = await page.getByTestId('contacts-empty').innerText();
    expect(emptyText).toContain('No contacts yet');
    expect(emptyText).toContain('Add your first contact to get started.');
    expect(emptyText).not.toContain('Nothing here yet');
    expect(await page.getByTestId('contacts-empty-new').getAttribute('href')).toBe('/contacts/new');
    await screenshot(page, 'contacts-empty-en-ltr');
    // A search that matches nothing says so, not "no contacts yet".
    await page.goto('/contacts?q=zzzqqq');
    await page.getByTestId('contacts-empty').getByText('No contacts found').waitFor();
    expect(await page.getByTestId('contacts-empty-new').count()).toBe(0);

    await page.goto('/companies');
    await page.getByTestId('companies-empty').getByText('No companies yet').waitFor();
    await page.getByTestId('companies-empty-new').click();
    await page.waitForURL('**/companies/new');
    await page.getByTestId('company-form').waitFor();

    for (const [width, height] of [
      [1280, 800],
      [375, 812],
    ] as const) {
      await page.setViewportSize({ width, height });
      await pinLanguage(page, 'he');
      await page.goto('/contacts');
      await page.getByTestId('contacts-empty').getByText('אין עדיין אנשי קשר').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `contacts-empty-he-rtl-${width}`);
      await pinLanguage(page, 'en');
      await page.goto('/companies');
      await page.getByTestId('companies-empty').getByText('No companies yet').waitFor();
      await screenshot(page, `companies-empty-en-ltr-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/contacts');

    await switcher.click();
    await page.getByRole('option', { name: session.workspace.name }).click();
    await page.getByTestId('contact-row').first().waitFor();
  });
});
