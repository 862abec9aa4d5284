import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';
import { acceptAsNewPerson, csrfOf, inviteToActiveWorkspace, newPassword, stamp } from './support/invitations.js';
import { apiRead, apiWrite } from './support/records.js';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** Picks an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string, nth = 0) {
  await page.getByTestId(testId).nth(nth).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const search = (page: Page) => new URL(page.url()).searchParams;
const rowIds = (page: Page) => page.getByTestId('contact-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record-id')));
const columnTexts = (page: Page, column: string) => page.getByTestId(`contact-${column}`).allInnerTexts();
/** Waits until the grid shows no placeholder page (a new sort or filter has arrived). */
const settled = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid="contacts-table"]')?.getAttribute('aria-busy') === 'false');

/** Selects the first `count` rows and adds a tag to them with the bulk bar. */
async function tagFirstRows(page: Page, count: number, tag: string, texts: { action: string; result: string }) {
  for (let i = 0; i < count; i++) await page.getByTestId('select-row').nth(i).check();
  await page.getByTestId('bulk-count').waitFor();
  await choose(page, 'bulk-action', texts.action);
  await page.getByTestId('bulk-value').fill(tag);
  await page.getByTestId('bulk-apply').click();
  await page.getByTestId('bulk-result').getByText(texts.result).waitFor();
}

describe('the records grid', () => {
  const browser = useBrowser();

  it('tags rows in bulk, filters by the tag, picks columns, sorts, and saves a view whose URL reopens it (en)', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const tag = `grid-${stamp()}`;
    const firstIds = (await rowIds(page)).slice(0, 3);
    await tagFirstRows(page, 3, tag, { action: 'Add a tag', result: 'Updated 3, skipped 0' });

    await page.getByTestId('filter-open').click();
    await page.getByTestId('filter-add-condition').click();
    await choose(page, 'filter-field', 'Tags');
    await choose(page, 'filter-op', 'has the tag');
    await page.getByTestId('filter-value').fill(tag);
    await screenshot(page, 'grid-filter-en-ltr');
    await page.getByTestId('filter-apply').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('filter'));
    expect(JSON.parse(search(page).get('filter')!)).toEqual({ field: 'tags', op: 'has_tag', value: tag });
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"]').length === 3);
    expect((await rowIds(page)).sort()).toEqual([...firstIds].sort());
    for (const tags of await columnTexts(page, 'tags')) expect(tags).toContain(tag);

    // Column picker: show the city and move it before the tags from the keyboard, then hide the phone.
    await page.getByTestId('columns-open').click();
    const city = page.locator('[data-testid="column-option"][data-column="city"]');
    await city.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('columns')?.endsWith('city'));
    // Up from the keyboard: the city moves before the tags.
    await city.getByTestId('column-up').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('columns')?.endsWith('city,tags'));
    await page.locator('[data-testid="column-option"][data-column="phone"]').getByRole('checkbox').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('columns')?.split(',').includes('phone'));
    await page.keyboard.press('Escape');
    // The router renders a new URL in a transition: the headers follow the address bar a moment later.
    const headerColumns = () => page.getByTestId('column-header').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
    await expect.poll(headerColumns, { timeout: 10_000 }).toEqual(search(page).get('columns')!.split(','));
    const headers = await headerColumns();
    expect(headers.slice(-2)).toEqual(['city', 'tags']);
    expect(headers).not.toContain('phone');

    // Server sort: ascending then descending by email.
    await page.getByRole('button', { name: 'Sort by Email' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'email');
    await settled(page);
    // The rows settle on the email order (the list re-renders while the new page arrives); empty last.
    const inEmailOrder = (texts: string[]) => [...texts.filter((t) => t !== '–').sort(), ...texts.filter((t) => t === '–')];
    await expect.poll(async () => { const t = await columnTexts(page, 'email'); return t.length === 3 && t.join() === inEmailOrder(t).join(); }, { timeout: 10_000 }).toBe(true);
    const ascendingEmails = await columnTexts(page, 'email');
    const ascending = await rowIds(page);
    await page.getByRole('button', { name: 'Sort by Email' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === '-email');
    await expect.poll(() => columnTexts(page, 'email'), { timeout: 10_000 }).toEqual([...ascendingEmails].reverse());
    await expect.poll(() => rowIds(page), { timeout: 10_000 }).toEqual([...ascending].reverse());
    expect(await page.locator('th[data-column="email"]').getAttribute('aria-sort')).toBe('descending');

    // Save as a shared view: the URL then names the view only, and opening it elsewhere shows the same list.
    await page.getByTestId('view-actions').click();
    await page.getByTestId('view-save-new').click();
    await page.getByTestId('view-name').fill(`Tagged ${tag}`);
    await page.getByTestId('view-shared').check();
    await page.getByTestId('view-save').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('view') && !new URL(location.href).searchParams.has('filter'));
    await screenshot(page, 'grid-view-saved-en-ltr');
    const link = page.url();

    const again = await page.context().newPage();
    await again.goto(link);
    await again.getByTestId('contact-row').first().waitFor();
    await again.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"]').length === 3);
    expect(await rowIds(again)).toEqual([...ascending].reverse());
    const reopened = await again.getByTestId('column-header').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
    expect(reopened).toEqual(headers);
    expect(await again.locator('th[data-column="email"]').getAttribute('aria-sort')).toBe('descending');
    expect(await again.getByTestId('view-select').inputValue()).toBe(`Tagged ${tag}`);
    await again.close();
  }, 180_000);

  it('edits a cell in place, and a stale edit says who changed it without overwriting (he)', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'he');
    await logIn(page);
    const [id] = await rowIds(page);
    await page.goto('/contacts?columns=name,city,email');
    const row = page.locator(`[data-testid="contact-row"][data-record-id="${id}"]`);
    await row.waitFor();
    const cityCell = row.locator('[data-testid="cell-edit"][data-field="city"]');

    await cityCell.click();
    await page.getByTestId('cell-input').fill('חיפה');
    await page.getByTestId('cell-save').click();
    await row.getByTestId('contact-city').getByText('חיפה').waitFor();

    // Open the editor, then someone changes the same contact before we save.
    await cityCell.click();
    await page.getByTestId('cell-input').fill('נתניה');
    const request = page.context().request;
    const csrf = await csrfOf(request);
    const current = (await (await request.get(`/api/contacts/${id}`)).json()) as { version: number };
    const other = await request.patch(`/api/contacts/${id}`, { headers: { 'x-csrf-token': csrf }, data: { city: 'עכו', version: current.version } });
    expect(other.status()).toBe(200);
    const { updatedByName } = (await other.json()) as { updatedByName: string };

    await page.getByTestId('cell-save').click();
    const conflict = page.getByTestId('cell-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(`${updatedByName} שינה את זה בינתיים`);
    await screenshot(page, 'grid-conflict-he-rtl');
    await page.getByTestId('cell-reload').click();
    await row.getByTestId('contact-city').getByText('עכו').waitFor();
    const saved = (await (await request.get(`/api/contacts/${id}`)).json()) as { city: string };
    expect(saved.city).toBe('עכו');
  }, 120_000);

  it('asks about a likely duplicate before saving a cell, as the card does, and saves anyway (en)', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const last = `Gridtwin${stamp()}`;
    const email = `${last.toLowerCase()}@example.com`;
    const twin = await apiWrite(page, 'POST', '/api/contacts', { firstName: 'Dalia', lastName: last, email });
    const other = await apiWrite(page, 'POST', '/api/contacts?duplicates=allow', { firstName: 'Dalia', lastName: last, email: `other-${email}` });
    await page.goto(`/contacts?q=${last}&columns=name,email`);
    const row = page.locator(`[data-testid="contact-row"][data-record-id="${String(other!.id)}"]`);
    await row.waitFor();
    await row.locator('[data-testid="cell-edit"][data-field="email"]').click();
    await page.getByTestId('cell-input').fill(email);
    await page.getByTestId('cell-save').click();
    // Asked before saving: the popover shows the twin, and nothing was written yet.
    const editor = page.getByTestId('cell-editor');
    await editor.locator(`[data-testid="duplicate-candidate"][data-id="${String(twin!.id)}"]`).waitFor();
    await screenshot(page, 'grid-duplicate-en-ltr');
    expect((await apiRead(page, `/api/contacts/${String(other!.id)}`)).email).toBe(`other-${email}`);
    await editor.getByTestId('duplicate-save-anyway').click();
    await row.getByTestId('contact-email').getByText(email, { exact: true }).waitFor();
  }, 120_000);

  it("shows the server's message when it refuses a filter (en)", async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    await page.goto(`/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'no_such_field', op: 'eq', value: 'x' }))}`);
    const error = page.getByTestId('filter-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The server refused this filter');
    expect(await error.innerText()).toContain('no_such_field');
  });

  for (const locale of ['he', 'en'] as const) {
    it(`says "deleted record" for a relation to a trashed record and "not available" for a company the rep may not see (${locale})`, async () => {
      const owner = await browser.newPage();
      await pinLanguage(owner, locale);
      await logIn(owner);
      const s = stamp();
      const field = await apiWrite(owner, 'POST', '/api/custom-fields', { recordType: 'contact', labelHe: `מעסיק ${s}`, labelEn: `Employer ${s}`, type: 'relation', config: { target: 'company' } });
      // A sales rep (the demo workspace shows sales only their own records) with a contact of their own.
      const email = `rel-${s}@example.test`;
      const rep = await browser.newPage();
      await pinLanguage(rep, locale);
      await acceptAsNewPerson(rep, await inviteToActiveWorkspace(owner.request, await csrfOf(owner.request), email), 'Rina Rep');
      const gone = await apiWrite(rep, 'POST', '/api/companies', { name: `Gone ${s}` });
      const contact = await apiWrite(rep, 'POST', '/api/contacts', { firstName: `Rel${s}`, custom: { [String(field!.key)]: { recordType: 'company', id: gone!.id } } });
      await apiWrite(rep, 'DELETE', `/api/companies/${String(gone!.id)}`);
      // The owner makes their own company the contact's primary one: the rep may not see it.
      const secret = await apiWrite(owner, 'POST', '/api/companies', { name: `Secret ${s}` });
      await apiWrite(owner, 'PUT', `/api/contacts/${String(contact!.id)}/companies`, [{ companyId: secret!.id, isPrimary: true }]);

      const url = `/contacts?q=Rel${s}&columns=name,companyId,custom.${String(field!.key)}`;
      const phoneRep = await browser.newPage(phone);
      await pinLanguage(phoneRep, locale);
      await logIn(phoneRep, { email, password: newPassword });
      for (const [page, name] of [[rep, `grid-unavailable-${locale}-${locale === 'he' ? 'rtl' : 'ltr'}`], [phoneRep, `grid-unavailable-${locale}-phone`]] as const) {
        await page.goto(url);
        const row = page.locator(`[data-testid="contact-row"][data-record-id="${String(contact!.id)}"]`);
        await row.waitFor();
        const words = locale === 'he' ? { deleted: 'רשומה שנמחקה', unavailable: 'אין לך גישה' } : { deleted: 'Deleted record', unavailable: 'Not available to you' };
        expect(await row.getByTestId('contact-company').innerText()).toBe(words.unavailable);
        expect(await row.getByTestId(`contact-custom.${String(field!.key)}`).innerText()).toBe(words.deleted);
        expect(await row.innerText()).not.toContain('Secret');
        expect(await row.innerText()).not.toContain(String(gone!.id));
        await screenshot(page, name, { fullPage: page === rep });
      }
      // The owner sees the company's name.
      await owner.goto(url);
      await owner.locator(`[data-testid="contact-row"][data-record-id="${String(contact!.id)}"]`).getByTestId('contact-company').getByText(`Secret ${s}`).waitFor();
    }, 120_000);

    it(`fits a phone (375 px): the grid scrolls inside itself, selection and bulk bar usable (${locale})`, async () => {
      const page = await browser.newPage(phone);
      await pinLanguage(page, locale);
      await logIn(page);
      await page.getByTestId('select-row').first().check();
      await page.getByTestId('bulk-bar').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `grid-contacts-${locale}-phone`, { fullPage: false });
    });

    it(`lists companies from the navigation, each row linking to its card (${locale})`, async () => {
      const page = await browser.newPage();
      await pinLanguage(page, locale);
      await logIn(page);
      await page.getByTestId('nav-companies').click();
      await page.waitForURL('**/companies');
      const first = page.getByTestId('company-row').first();
      await first.waitFor();
      const id = await first.getAttribute('data-record-id');
      expect(await first.getByTestId('company-name').locator('a').getAttribute('href')).toBe(`/companies/${id}`);
      await screenshot(page, `grid-companies-${locale}-${locale === 'he' ? 'rtl' : 'ltr'}`);
    });
  }
});
