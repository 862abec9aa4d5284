import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';

const password = 'correct-horse-battery';
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Logs this context's request client in and returns the CSRF token for its writes. */
async function apiLogIn(request: APIRequestContext, login: { email: string; password: string }) {
  const response = await request.post('/api/auth/login', { data: login });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function inviteToActiveWorkspace(request: APIRequestContext, csrf: string, email: string, role = 'sales') {
  const response = await request.post('/api/invitations', { headers: { 'x-csrf-token': csrf }, data: { email, role } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** A new person accepts in `page`'s browser context: the answer logs them in there. */
async function acceptAsNewPerson(page: Page, token: string, name: string) {
  const response = await page.request.post('/api/invitations/accept', { data: { token, name, password } });
  expect(response.status()).toBe(200);
}

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
      await page.getByTestId('contact-row').first().waitFor();
      await screenshot(page, `membership-notice-${locale}-${locale === 'he' ? 'rtl' : 'ltr'}`);

      await page.reload();
      await page.getByTestId('contact-row').first().waitFor();
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

    const annaCsrf = ((await (await anna.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
    const created = await anna.request.post('/api/workspaces', {
      headers: { 'x-csrf-token': annaCsrf },
      data: { name: 'Anna Studio', slug: `anna-${stamp()}`, defaultLocale: 'en' },
    });
    const studio = (await created.json()) as { id: string };
    await anna.request.post('/api/auth/workspace', { headers: { 'x-csrf-token': annaCsrf }, data: { workspaceId: studio.id } });
    const benToken = await inviteToActiveWorkspace(anna.request, annaCsrf, benEmail, 'viewer');
    const benCsrf = ((await (await ben.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
    expect((await ben.request.post('/api/invitations/accept', { headers: { 'x-csrf-token': benCsrf }, data: { token: benToken } })).status()).toBe(200);

    // Anna removes Ben from her studio, the workspace he opened last: his next login lands nowhere.
    const members = (await (await anna.request.get('/api/members')).json()) as { items: { id: string; email: string }[] };
    const benMember = members.items.find((m) => m.email === benEmail)!;
    expect((await anna.request.delete(`/api/members/${benMember.id}`, { headers: { 'x-csrf-token': annaCsrf } })).status()).toBe(204);

    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await page.goto('/login');
    await page.getByTestId('login-email').fill(benEmail);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('choose-workspace').waitFor();
    const options = page.getByTestId('choose-workspace-option');
    expect(await options.allInnerTexts()).toEqual(['קשר — הדגמה']);
    await screenshot(page, 'choose-workspace-en-ltr');
    await options.first().click();
    await page.getByTestId('contact-row').first().waitFor();
  });
});
