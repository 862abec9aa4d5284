import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';
import { acceptAsNewPerson, apiLogIn, csrfOf, inviteToActiveWorkspace, newPassword, openOwnWorkspace, stamp } from './support/invitations.js';

// A new sales rep sees only their own customers (the demo's setting), so the list they land on may be empty.
const landedOnContacts = (page: Page) => page.getByTestId('contact-row').first().or(page.getByTestId('contacts-empty')).waitFor();

describe('"you were added" notice and choosing a workspace', () => {
  const browser = useBrowser();

  for (const locale of ['en', 'he'] as const) {
    it(`shows who added the new member, once (${locale})`, async () => {
      const owner = await browser.newPage();
      const csrf = await apiLogIn(owner.request, inject('demoLogin'));
      const email = `notice-${locale}-${stamp()}@example.test`;
      const token = await inviteToActiveWorkspace(owner.request, csrf, email);

      const page = await browser.newPage();
      await pinLanguage(page, locale);
      await acceptAsNewPerson(page, token, 'Tamar Ben-Ami');
      await page.goto('/contacts');
      const notice = page.getByTestId('membership-notice');
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain(locale === 'en' ? 'You were added to the workspace' : 'נוספת לסביבת העבודה');
      expect(text).toContain('Demo Owner');
      await landedOnContacts(page);
      await screenshot(page, `membership-notice-${locale}-${locale === 'he' ? 'rtl' : 'ltr'}`);

      await page.reload();
      await landedOnContacts(page);
      expect(await page.getByTestId('membership-notice').count()).toBe(0);
    });
  }

  it('a login that has no workspace to land in lists the user’s workspaces to pick from', async () => {
    // Anna joins the demo, creates her own workspace and invites Ben there; Ben joined the demo before.
    const owner = await browser.newPage();
    const ownerCsrf = await apiLogIn(owner.request, inject('demoLogin'));
    const anna = await browser.newPage();
    await acceptAsNewPerson(anna, await inviteToActiveWorkspace(owner.request, ownerCsrf, `anna-${stamp()}@example.test`), 'Anna Weiss');
    const ben = await browser.newPage();
    await pinLanguage(ben, 'en');
    const benEmail = `ben-${stamp()}@example.test`;
    await acceptAsNewPerson(ben, await inviteToActiveWorkspace(owner.request, ownerCsrf, benEmail), 'Ben Katz');

    const annaCsrf = await csrfOf(anna.request);
    await openOwnWorkspace(anna.request, annaCsrf, 'Anna Studio');
    const benToken = await inviteToActiveWorkspace(anna.request, annaCsrf, benEmail, 'viewer');
    const benCsrf = await csrfOf(ben.request);
    expect((await ben.request.post('/api/invitations/accept', { headers: { 'x-csrf-token': benCsrf }, data: { token: benToken } })).status()).toBe(200);

    // Anna removes Ben from her studio, the workspace he opened last: his next login lands nowhere.
    const members = (await (await anna.request.get('/api/members')).json()) as { items: { id: string; email: string }[] };
    const benMember = members.items.find((m) => m.email === benEmail)!;
    expect((await anna.request.delete(`/api/members/${benMember.id}`, { headers: { 'x-csrf-token': annaCsrf } })).status()).toBe(204);

    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await page.goto('/login');
    await page.getByTestId('login-email').fill(benEmail);
    await page.getByTestId('login-password').fill(newPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('choose-workspace').waitFor();
    const options = page.getByTestId('choose-workspace-option');
    expect(await options.allInnerTexts()).toEqual(['קשר — הדגמה']);
    await screenshot(page, 'choose-workspace-en-ltr');
    await options.first().click();
    await landedOnContacts(page);
  });
});
