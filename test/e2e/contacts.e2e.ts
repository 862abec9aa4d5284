import { describe, expect, it } from 'vitest';
import { chooseLanguage, logIn, pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';

describe('contacts', () => {
  const browser = useBrowser();

  it('pages forward and back through the list with keyset cursors', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const rows = page.getByTestId('contact-row');
    expect(await rows.count()).toBe(25);
    expect(await page.getByTestId('contacts-prev').isDisabled()).toBe(true);
    const firstOnPageOne = await rows.first().getAttribute('data-contact-id');

    await page.getByTestId('contacts-next').click();
    await page.getByText('Page 2').waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="contact-row"]')?.getAttribute('data-contact-id') !== id, firstOnPageOne);
    expect(await page.getByTestId('contacts-prev').isDisabled()).toBe(false);

    await page.getByTestId('contacts-prev').click();
    await page.getByText('Page 1').waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="contact-row"]')?.getAttribute('data-contact-id') === id, firstOnPageOne);
  });

  it('creates a contact with the form and finds it with the search box', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'he');
    await logIn(page);
    const firstName = `Zohar${Date.now().toString(36)}`;

    await page.getByTestId('new-contact').click();
    await page.waitForURL('**/contacts/new');
    await page.getByTestId('contact-first-name').fill(firstName);
    await page.getByTestId('contact-last-name').fill('בדיקה');
    await page.getByTestId('contact-email').fill(`${firstName}@Example.com`);
    await page.getByTestId('contact-phone').fill('050-123-4567');
    await page.getByTestId('contact-company').click();
    const option = page.getByRole('option').first();
    const companyName = (await option.innerText()).trim();
    await option.click();
    await screenshot(page, 'contact-new-he-rtl');
    await page.getByTestId('contact-save').click();

    await page.waitForURL('**/contacts');
    await page.getByText(`איש הקשר ${firstName} בדיקה נוסף`).waitFor();
    await page.getByTestId('contacts-search').fill(firstName.slice(0, -1));
    await page.waitForURL(`**/contacts?q=${firstName.slice(0, -1)}`);
    const row = page.getByTestId('contact-row').filter({ hasText: firstName });
    await row.waitFor();
    expect(await page.getByTestId('contact-row').count()).toBe(1);
    expect(await row.getByTestId('contact-name').innerText()).toBe(`${firstName} בדיקה`);
    expect(await row.getByTestId('contact-email').innerText()).toBe(`${firstName.toLowerCase()}@example.com`);
    expect(await row.getByTestId('contact-phone').innerText()).toBe('050-123-4567');
    expect(await row.getByTestId('contact-phone').locator('a').getAttribute('href')).toBe('tel:+972501234567');
    expect(await row.getByTestId('contact-company').innerText()).toBe(companyName);
  });

  it("shows the server's field errors on the form fields, in the user's language", async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    await page.goto('/contacts/new');
    await page.getByTestId('contact-save').click();
    await page.getByText('Required').waitFor(); // checked in the browser by the shared schema

    await page.getByTestId('contact-first-name').fill('Phoneless');
    await page.getByTestId('contact-phone').fill('12');
    await page.getByTestId('contact-save').click();
    await page.getByText('Not a valid phone number').waitFor(); // only the server knows phone numbers
    expect(new URL(page.url()).pathname).toBe('/contacts/new');

    await chooseLanguage(page, 'he');
    await page.getByText('מספר טלפון לא תקין').waitFor();
    await screenshot(page, 'contact-phone-error-he-rtl');
  });

  it('says so when a search finds nobody', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    await page.getByTestId('contacts-search').fill('no-such-person-xyz');
    await page.getByTestId('contacts-empty').waitFor();
    expect(await page.getByTestId('contacts-empty').innerText()).toContain('No contacts found');
  });
});
