import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';
import { acceptAsNewPerson, apiLogIn, csrfOf, inviteToActiveWorkspace, newPassword, openOwnWorkspace, stamp } from './support/invitations.js';

// A new sales rep sees only their own customers (the demo's setting), so the list they land on may be empty.
const landedOnContacts = (page: Page) => page.getByTestId('contact-row').first().or(page.getByTestId('contacts-empty')).waitFor();

describe('the invitation page (/invite#token)', () => {
  const browser = useBrowser();

  it('a new person chooses a name and a password that passes the policy, and lands in the workspace (he)', async () => {
    const owner = await browser.newPage();
    const token = await inviteToActiveWorkspace(owner.request, await apiLogIn(owner.request, inject('demoLogin')), `dana-${stamp()}@example.test`);
    const page = await browser.newPage();
    await pinLanguage(page, 'he');
    let tokenInUrl = false;
    page.on('request', (request) => {
      if (request.url().includes(token)) tokenInUrl = true;
    });
    await page.goto(`/invite#${token}`);
    await page.getByTestId('invite-new-account').waitFor();
    expect(await page.getByTestId('invite-page').innerText()).toContain('מכירות');
    await page.getByTestId('invite-name').fill('דנה כהן');
    await page.getByTestId('invite-password').fill('Password1234');
    await page.getByTestId('invite-create').click();
    await page.getByText('הסיסמה נפוצה או קלה מדי לניחוש').waitFor();
    await screenshot(page, 'invite-new-account-he-rtl');

    await page.getByTestId('invite-password').fill(newPassword);
    await page.getByTestId('invite-create').click();
    await page.waitForURL('**/contacts');
    await page.getByTestId('membership-notice').waitFor();
    await landedOnContacts(page);
    expect(tokenInUrl).toBe(false);
  });

  it('a logged-in invited account answers "Join X as viewer?" with one click (en)', async () => {
    // Pnina runs her own workspace and invites Quentin, who has an account in the demo workspace.
    const owner = await browser.newPage();
    const ownerCsrf = await apiLogIn(owner.request, inject('demoLogin'));
    const pnina = await browser.newPage();
    await acceptAsNewPerson(pnina, await inviteToActiveWorkspace(owner.request, ownerCsrf, `pnina-${stamp()}@example.test`), 'Pnina Rosen');
    const quentinEmail = `quentin-${stamp()}@example.test`;
    await acceptAsNewPerson(await browser.newPage(), await inviteToActiveWorkspace(owner.request, ownerCsrf, quentinEmail), 'Quentin Blake');
    const pninaCsrf = await csrfOf(pnina.request);
    await openOwnWorkspace(pnina.request, pninaCsrf, 'Pnina Design');
    const token = await inviteToActiveWorkspace(pnina.request, pninaCsrf, quentinEmail, 'viewer');

    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await page.goto(`/invite#${token}`);
    await page.getByTestId('invite-login').click();
    await page.getByTestId('login-email').fill(quentinEmail);
    await page.getByTestId('login-password').fill(newPassword);
    await page.getByTestId('login-submit').click();
    const question = page.getByTestId('invite-question');
    await question.waitFor();
    expect(await question.innerText()).toContain('Join the workspace');
    expect(await question.innerText()).toContain('Pnina Design');
    expect(await question.innerText()).toContain('viewer');
    await screenshot(page, 'invite-join-en-ltr');
    await page.getByTestId('invite-join').click();
    await page.waitForURL('**/contacts');
    await page.getByTestId('contacts-empty').waitFor();
    expect(await page.getByTestId('workspace-switcher').isVisible()).toBe(true);
  });
});
