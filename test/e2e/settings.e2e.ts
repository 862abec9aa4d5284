import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { stamp } from './support/invitations.js';
import { apiRead, apiWrite, makeCustomer, openCard, shot } from './support/records.js';

/** The stored key of the contact custom field with this English label. */
async function customFieldKey(page: Page, label: string) {
  const answer = (await (await page.request.get('/api/custom-fields?recordType=contact')).json()) as unknown;
  const list = (Array.isArray(answer) ? answer : (answer as { items: unknown[] }).items) as { key: string; labelEn: string }[];
  return list.find((f) => f.labelEn === label)!.key;
}

describe('settings', () => {
  const browser = useBrowser();

  it('creates a custom select field and sets its value on a card', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const label = `Interest ${stamp()}`;

    await page.getByTestId('nav-settings').click();
    await page.waitForURL('**/settings/fields');
    await page.getByTestId('field-new').click();
    await page.getByTestId('field-label-he').fill(`תחום ${label}`);
    await page.getByTestId('field-label-en').fill(label);
    await page.getByTestId('field-type').click();
    await page.getByRole('option', { name: 'Choice', exact: true }).click();
    await page.getByTestId('option-add').click();
    await page.getByTestId('option-he').last().fill('פנסיה');
    await page.getByTestId('option-en').last().fill('Pension');
    await page.getByTestId('option-add').click();
    await page.getByTestId('option-he').last().fill('ביטוח');
    await page.getByTestId('option-en').last().fill('Insurance');
    await shot(page, 'settings-field-new-en-ltr');
    await page.getByTestId('field-form-save').click();
    const row = page.getByTestId('custom-field-row').filter({ hasText: label });
    await row.waitFor();

    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    await page.getByRole('button', { name: `Edit ${label}` }).click();
    const key = await customFieldKey(page, label);
    await page.getByTestId(`field-input-${key}`).click();
    await page.getByRole('option', { name: 'Insurance' }).click();
    await page.getByTestId(`field-save-${key}`).click();
    await page.getByTestId(`field-value-${key}`).getByText('Insurance').waitFor();
    const contact = await apiRead(page, `/api/contacts/${c.contactId}`);
    expect(typeof (contact.custom as Record<string, unknown>)[key]).toBe('string');
  });

  it('reorders custom fields from the keyboard', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const first = `First ${stamp()}`;
    const second = `Second ${stamp()}`;
    for (const name of [first, second]) {
      await apiWrite(page, 'POST', '/api/custom-fields', { recordType: 'company', labelHe: `שדה ${name}`, labelEn: name, type: 'text' });
    }
    await page.goto('/settings/fields');
    await page.getByTestId('fields-record-type').getByText('Company').click();
    await page.getByTestId('custom-field-row').filter({ hasText: second }).waitFor();
    const labels = () => page.getByTestId('custom-field-label').allInnerTexts();
    const before = await labels();
    expect(before.indexOf(first)).toBeLessThan(before.indexOf(second));

    await page.getByRole('button', { name: `Move ${second} up` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      ([a, b]) => {
        const all = [...document.querySelectorAll('[data-testid="custom-field-label"]')].map((el) => el.textContent);
        return all.indexOf(b!) < all.indexOf(a!);
      },
      [first, second],
    );
    // The order is stored, not only shown.
    await page.reload();
    await page.getByTestId('fields-record-type').getByText('Company').click();
    await page.getByTestId('custom-field-row').filter({ hasText: second }).waitFor();
    const after = await labels();
    expect(after.indexOf(second)).toBeLessThan(after.indexOf(first));
  });

  it('deletes a contact to the trash, restores it, and purges another after confirming', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const kept = await makeCustomer(page);
    const gone = await makeCustomer(page);
    for (const c of [kept, gone]) {
      const { version } = await apiRead(page, `/api/contacts/${c.contactId}`);
      await apiWrite(page, 'DELETE', `/api/contacts/${c.contactId}`, { version });
    }
    expect((await page.request.get(`/api/contacts/${kept.contactId}`)).status()).toBe(404);

    await page.goto('/settings/trash');
    const keptRow = page.locator(`[data-testid="trash-row"][data-id="${kept.contactId}"]`);
    await keptRow.waitFor();
    await shot(page, 'settings-trash-en-ltr');
    await keptRow.getByTestId('trash-restore').click();
    await keptRow.waitFor({ state: 'detached' });
    expect((await page.request.get(`/api/contacts/${kept.contactId}`)).status()).toBe(200);
    await openCard(page, `/contacts/${kept.contactId}`);
    expect(await page.getByTestId('card-company-link').innerText()).toContain(kept.companyName);

    await page.goto('/settings/trash');
    const goneRow = page.locator(`[data-testid="trash-row"][data-id="${gone.contactId}"]`);
    await goneRow.getByTestId('trash-purge').click();
    await page.getByTestId('trash-purge-confirm').click();
    await goneRow.waitFor({ state: 'detached' });
    expect((await page.request.get(`/api/contacts/${gone.contactId}`)).status()).toBe(404);
  });

  it('shows the audit log with filters, and saves teams and visibility', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    const { version } = await apiRead(page, `/api/contacts/${c.contactId}`);
    await apiWrite(page, 'PATCH', `/api/contacts/${c.contactId}`, { city: 'Akko', version });

    await page.goto('/settings/audit');
    await page.getByTestId('audit-entry').filter({ hasText: c.firstName }).first().waitFor();
    await page.getByTestId('audit-action').click();
    await page.getByRole('option', { name: 'updated' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-entry"]')].every((el) => el.textContent?.includes('updated')),
    );
    await page.getByTestId('audit-entry').filter({ hasText: 'Akko' }).first().waitFor();
    await shot(page, 'settings-audit-en-ltr');

    await page.getByTestId('settings-tab-teams').click();
    await page.waitForURL('**/settings/teams');
    const team = `Sales North ${stamp()}`;
    await page.getByTestId('team-new-name').fill(team);
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-row').filter({ has: page.locator(`input[value="${team}"]`) }).waitFor();

    await page.getByTestId('visibility-sales').getByText('Their own').click();
    await page.getByTestId('visibility-save').click();
    await page.getByText('Settings saved').waitFor();
    const settings = await apiRead(page, '/api/workspace/record-settings');
    expect((settings.recordVisibility as Record<string, string>).sales).toBe('own');
    await apiWrite(page, 'PUT', '/api/workspace/record-settings', { ...settings, recordVisibility: { ...(settings.recordVisibility as object), sales: 'all' } });
  });

  it('lays out in Hebrew and English, on a desktop and a 375 px phone', async () => {
    for (const locale of ['he', 'en'] as const) {
      for (const [width, height] of [
        [1280, 800],
        [375, 812],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        await pinLanguage(page, locale);
        await logIn(page);
        for (const tab of ['fields', 'teams'] as const) {
          await page.goto(`/settings/${tab}`);
          await page.getByTestId(tab === 'fields' ? 'settings-fields' : 'settings-visibility').waitFor();
          // Not 'networkidle': the live event stream keeps a request open.
          if (tab === 'teams') await page.getByTestId('visibility-save').waitFor();
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await shot(page, `settings-${tab}-${locale}-${locale === 'he' ? 'rtl' : 'ltr'}-${width}`);
        }
        await page.context().close();
      }
    }
  }, 150_000);
});
