import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';
import { acceptAsNewPerson, apiLogIn, inviteToActiveWorkspace, stamp } from './support/invitations.js';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** Nothing sticks out sideways: a phone user never has to scroll a screen horizontally. */
const expectNoSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

describe('the screens of joining a workspace at phone width (375 px)', () => {
  const browser = useBrowser();

  for (const locale of ['he', 'en'] as const) {
    it(`the invitation page fits and is usable from the keyboard (${locale})`, async () => {
      const owner = await browser.newPage();
      const token = await inviteToActiveWorkspace(owner.request, await apiLogIn(owner.request, inject('demoLogin')), `phone-${stamp()}@example.test`);
      const page = await browser.newPage(phone);
      await pinLanguage(page, locale);
      await page.goto(`/invite#${token}`);
      await page.getByTestId('invite-new-account').waitFor();
      await expectNoSidewaysScroll(page);
      // Tab reaches the name field, then the password, each with its label.
      await page.getByTestId('invite-name').focus();
      await page.keyboard.type(locale === 'he' ? 'דנה כהן' : 'Dana Cohen');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('invite-password');
      expect(await page.getByLabel(locale === 'he' ? 'סיסמה' : 'Password', { exact: true }).count()).toBe(1);
      await screenshot(page, `invite-new-account-${locale}-phone`);
    });
  }

  it('the "you were added" notice fits above the contacts (he)', async () => {
    const owner = await browser.newPage();
    const csrf = await apiLogIn(owner.request, inject('demoLogin'));
    const token = await inviteToActiveWorkspace(owner.request, csrf, `phone-notice-${stamp()}@example.test`);
    const page = await browser.newPage(phone);
    await pinLanguage(page, 'he');
    await acceptAsNewPerson(page, token, 'Tamar Ben-Ami');
    await page.goto('/contacts');
    await page.getByTestId('membership-notice').waitFor();
    // A new sales rep sees only their own customers: none in the demo, so the list may be empty.
    await page.getByTestId('contact-row').first().or(page.getByTestId('contacts-empty')).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'membership-notice-he-phone', { fullPage: false });
  });
});
