import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { apiRead, makeCustomer, openCard, shot } from './support/records.js';

const phone = { viewport: { width: 375, height: 812 } };

/** Records a consent through the card's privacy section. */
async function recordConsent(page: Page, channelLabel: string, evidence: string) {
  const section = page.getByTestId('section-privacy');
  await section.getByTestId('consent-add').click();
  await section.getByTestId('consent-channel').click();
  await page.getByRole('option', { name: channelLabel, exact: true }).click();
  await section.getByTestId('consent-evidence').fill(evidence);
  await section.getByTestId('consent-save').click();
}

describe('privacy on the contact card', () => {
  const browser = useBrowser();

  it('records a consent, exports and erases a person (English, desktop)', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    const section = page.getByTestId('section-privacy');
    await expect.poll(() => section.getByTestId('consent-email').getAttribute('data-status'), { timeout: 15_000 }).toBe('none');

    await recordConsent(page, 'Email', 'signed up at the fair');
    await expect.poll(() => section.getByTestId('consent-email').getAttribute('data-status'), { timeout: 15_000 }).toBe('granted');
    await section.getByText('signed up at the fair').waitFor();
    await section.getByTestId('privacy-dnc').click();
    await expect.poll(async () => (await apiRead(page, `/api/contacts/${c.contactId}`)).doNotContact, { timeout: 15_000 }).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'privacy-card-en-ltr');

    const download = page.waitForEvent('download');
    await section.getByTestId('privacy-export-json').click();
    expect((await download).suggestedFilename()).toBe(`kesher-contact-${c.contactId}.json`);
    const href = await section.getByTestId('privacy-export-html').getAttribute('href');
    expect(href).toContain('format=html&lang=en');

    await section.getByTestId('privacy-erase').click();
    const dialog = page.getByTestId('erase-dialog');
    await page.getByTestId('erase-confirm').fill('someone else');
    expect(await page.getByTestId('erase-submit').isDisabled()).toBe(true);
    await page.getByTestId('erase-confirm').fill(`${c.firstName} ${c.lastName}`);
    await shot(page, 'privacy-erase-dialog-en-ltr');
    await page.getByTestId('erase-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => page.getByTestId('card-name').textContent(), { timeout: 15_000 }).toMatch(/^Erased [0-9a-f]{4}$/);
    const erased = await apiRead(page, `/api/contacts/${c.contactId}`);
    expect(erased).toMatchObject({ email: null, phone: null, doNotContact: true });
    await shot(page, 'privacy-erased-en-ltr');
  });

  it('records a consent and opens the readable export in Hebrew (RTL, 375 px)', async () => {
    const page = await browser.newPage(phone);
    await pinLanguage(page, 'he');
    await logIn(page);
    const c = await makeCustomer(page, 'נועה');
    await openCard(page, `/contacts/${c.contactId}`);
    await recordConsent(page, 'וואטסאפ', 'אמרה לי בטלפון');
    const section = page.getByTestId('section-privacy');
    await expect.poll(() => section.getByTestId('consent-whatsapp').getAttribute('data-status'), { timeout: 15_000 }).toBe('granted');
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'privacy-card-he-rtl-375');
    const href = (await section.getByTestId('privacy-export-html').getAttribute('href'))!;
    expect(href).toContain('lang=he');
    await page.goto(href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.content()).toContain('אמרה לי בטלפון');
    await shot(page, 'privacy-export-he-rtl-375');
  });

  it('sets the retention in Settings → Privacy (Hebrew desktop, English 375 px)', async () => {
    for (const [lang, options, name] of [['he', {}, 'privacy-settings-he-rtl'], ['en', phone, 'privacy-settings-en-ltr-375']] as const) {
      const page = await browser.newPage(options);
      await pinLanguage(page, lang);
      await logIn(page);
      await page.goto('/settings/privacy');
      await page.getByTestId('settings-privacy').waitFor();
      await page.getByTestId('retention-enabled').click();
      await page.getByTestId('retention-years').fill('6');
      await page.getByTestId('retention-save').click();
      await expect.poll(async () => (await apiRead(page, '/api/workspace/privacy-settings')).retentionYears, { timeout: 15_000 }).toBe(6);
      await shot(page, name);
      // Leave the demo workspace as it was for the tests that follow.
      await page.getByTestId('retention-enabled').click();
      await page.getByTestId('retention-save').click();
      await expect.poll(async () => (await apiRead(page, '/api/workspace/privacy-settings')).retentionYears, { timeout: 15_000 }).toBe(null);
      await page.context().close();
    }
  });
});
