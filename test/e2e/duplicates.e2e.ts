import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { stamp } from './support/invitations.js';
import { apiRead, apiWrite, shot } from './support/records.js';

type Contact = { id: string; firstName: string; lastName: string | null; email: string | null };

// Each language on a desktop and on a 375 px phone.
const looks = [
  { locale: 'en', dir: 'ltr', width: 1280, height: 800 },
  { locale: 'he', dir: 'rtl', width: 1280, height: 800 },
  { locale: 'en', dir: 'ltr', width: 375, height: 812 },
  { locale: 'he', dir: 'rtl', width: 375, height: 812 },
] as const;
type Look = (typeof looks)[number];
const nameOf = (look: Look) => `${look.locale}-${look.dir}-${look.width}`;

async function openAs(browser: ReturnType<typeof useBrowser>, look: Look) {
  const page = await browser.newPage({ viewport: { width: look.width, height: look.height } });
  await pinLanguage(page, look.locale);
  await logIn(page);
  return page;
}

/** A contact with an email in the active workspace, whichever it is (the demo's, or one another test opened). */
async function someContactWithEmail(page: Page): Promise<Contact> {
  const list = (await apiRead(page, '/api/contacts?limit=50')) as { items: Contact[] };
  const found = list.items.find((c) => c.email);
  expect(found, 'a contact with an email').toBeTruthy();
  return found!;
}

const noWiderThan = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

/** Sets a contact's email to another contact's on its card: the question offers a merge, and save anyway stores it. */
async function editIntoTwin(page: Page, look: Look) {
  const twin = await someContactWithEmail(page);
  const other = await apiWrite(page, 'POST', '/api/contacts', { firstName: twin.firstName, lastName: twin.lastName ?? '', email: `other${stamp()}@example.com` });
  await page.goto(`/contacts/${String(other!.id)}`);
  await page.getByTestId('field-edit-emails').click();
  await page.getByTestId('card-emails').fill(twin.email!);
  await page.getByTestId('field-save-emails').click();

  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('duplicate-candidate').first().waitFor();
  expect(await dialog.getByTestId('duplicate-merge').first().getAttribute('href')).toContain(`/contacts/merge?ids=${String(other!.id)},`);
  await shot(page, `duplicates-edit-${nameOf(look)}`);
  await dialog.getByTestId('duplicate-save-anyway').click();
  await page.getByTestId('field-value-emails').getByText(twin.email!.toLowerCase()).waitFor();
  await page.context().close();
}

describe('duplicates', () => {
  const browser = useBrowser();

  it('shows the likely duplicate before creating a contact with a known email, and saves anyway', async () => {
    for (const look of looks) {
      const page = await openAs(browser, look);
      const twin = await someContactWithEmail(page);
      await page.goto('/contacts/new');
      await page.getByTestId('contact-first-name').fill(twin.firstName);
      await page.getByTestId('contact-last-name').fill(twin.lastName ?? '');
      await page.getByTestId('contact-email').fill(twin.email!.toUpperCase());
      await page.getByTestId('contact-save').click();

      const panel = page.getByTestId('duplicate-panel');
      const candidate = panel.locator(`[data-testid="duplicate-candidate"][data-id="${twin.id}"]`);
      await candidate.first().waitFor();
      // The reason is said in words, and the card opens in a new tab so the draft stays.
      expect(await candidate.first().locator('[data-rule="email"]').count()).toBe(1);
      expect(await candidate.first().getByTestId('duplicate-open').getAttribute('href')).toBe(`/contacts/${twin.id}`);
      expect(await candidate.first().getByTestId('duplicate-open').getAttribute('target')).toBe('_blank');
      // A draft has nothing to merge yet.
      expect(await panel.getByTestId('duplicate-merge').count()).toBe(0);
      // The question takes the focus, so the keyboard meets it first.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicate-step-title');
      expect(page.url()).toContain('/contacts/new');
      await noWiderThan(page, look.width);
      await shot(page, `duplicates-create-${nameOf(look)}`);

      // Back to the draft keeps it; save anyway stores it.
      await page.getByTestId('duplicate-back').click();
      await panel.waitFor({ state: 'detached' });
      expect(await page.getByTestId('contact-first-name').inputValue()).toBe(twin.firstName);
      await page.getByTestId('contact-save').click();
      await page.getByTestId('duplicate-save-anyway').click();
      await page.waitForURL('**/contacts');
      await page.getByTestId('contact-created').waitFor();
      await page.context().close();
    }
  }, 240_000);

  it('asks on a card edit that makes an email a known one, offering a merge', async () => {
    for (const look of [looks[0], looks[3]]) {
      await editIntoTwin(await openAs(browser, look), look);
    }
  }, 240_000);

  it('shows the likely duplicate before creating a company with a known name and domain', async () => {
    const page = await openAs(browser, looks[1]);
    const list = (await apiRead(page, '/api/companies?limit=50')) as { items: { id: string; name: string; domain: string | null }[] };
    const twin = list.items.find((c) => c.domain)!;
    await page.goto('/companies/new');
    await page.getByTestId('company-name').fill(twin.name);
    await page.getByTestId('company-domain').fill(twin.domain!);
    await page.getByTestId('company-save').click();
    await page.locator(`[data-testid="duplicate-candidate"][data-id="${twin.id}"]`).waitFor();
    await shot(page, `duplicates-create-company-${nameOf(looks[1])}`);
    await page.getByTestId('duplicate-save-anyway').click();
    await page.waitForURL('**/companies');
    await page.getByTestId('company-created').waitFor();
  });

  it('lists a scanned group with its reasons, and "not a duplicate" removes it for good', async () => {
    // Two unrelated people, so that the second pair does not chain onto the first in one group.
    const people = [
      { given: 'Yehonatan', lastName: 'Mizrahi', phone: '052-555-0101' },
      { given: 'Ruthie', lastName: 'Abergel', phone: '054-777-0202' },
      { given: 'Shlomo', lastName: 'Vaknin', phone: '053-888-0303' },
      { given: 'Marina', lastName: 'Kogan', phone: '058-999-0404' },
    ];
    for (const [i, look] of looks.entries()) {
      const page = await openAs(browser, look);
      const { given, lastName, phone } = people[i]!;
      const firstName = `${given}${stamp()}`;
      const person = { firstName, lastName, email: `${firstName.toLowerCase()}@example.com`, phone };
      await apiWrite(page, 'POST', '/api/contacts', person);
      await apiWrite(page, 'POST', '/api/contacts?duplicates=allow', person);

      await page.goto('/duplicates');
      await page.getByTestId('duplicates-page').waitFor();
      await page.getByTestId('scan-run').click();
      await page.locator('[data-testid="scan-status"][data-status="done"]').waitFor({ timeout: 120_000 });
      const group = page.getByTestId('duplicate-group').filter({ hasText: firstName });
      for (let more = 0; more < 20 && (await group.count()) === 0 && (await page.getByTestId('duplicates-more').count()) > 0; more++) {
        await page.getByTestId('duplicates-more').click();
        await page.waitForTimeout(300);
      }
      await group.waitFor();
      expect(await group.getByTestId('duplicate-group-record').count()).toBe(2);
      expect(await group.locator('[data-rule="email"]').count()).toBe(1);
      expect(await group.getByTestId('duplicate-group-merge').getAttribute('href')).toMatch(/^\/contacts\/merge\?ids=[^,]+,[^,]+$/);
      await noWiderThan(page, look.width);
      await group.scrollIntoViewIfNeeded();
      await shot(page, `duplicates-scan-${nameOf(look)}`);

      await group.getByTestId('duplicate-not').click();
      await group.waitFor({ state: 'detached' });
      await page.getByTestId('not-duplicate-done').waitFor();
      if (i > 0) {
        await page.context().close();
        continue;
      }
      // Remembered: a new scan does not pair them again.
      await page.getByTestId('scan-run').click();
      await page.locator('[data-testid="scan-status"][data-status="done"]').waitFor({ timeout: 120_000 });
      const latest = (await apiRead(page, '/api/duplicates/scans/latest?type=contact&limit=100')) as { groups: { records: { title: string }[] }[] };
      expect(latest.groups.some((g) => g.records.some((r) => r.title.includes(firstName)))).toBe(false);
      await page.context().close();
    }
  }, 240_000);

  it('lets an admin switch a rule off and set the thresholds, explained in words', async () => {
    for (const look of looks) {
      const page = await openAs(browser, look);
      await page.goto('/settings/duplicates');
      const rule = page.locator('[data-testid="duplicate-rule"][data-rule="birthday"]');
      await rule.waitFor();
      await noWiderThan(page, look.width);
      await shot(page, `duplicates-settings-${nameOf(look)}`);
      if (look !== looks[0]) {
        await page.context().close();
        continue;
      }
      const before = (await apiRead(page, '/api/duplicates/rules?type=contact')) as { rules: { rule: string; enabled: boolean }[]; warnAt: number };
      const enabled = before.rules.find((r) => r.rule === 'birthday')!.enabled;
      // The switch is reached and flipped from the keyboard.
      await rule.getByTestId('duplicate-rule-enabled').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('duplicate-warn-at').fill('101');
      await page.getByTestId('duplicate-warn-at').blur();
      expect(await page.getByTestId('duplicate-rules-save').isDisabled()).toBe(true);
      await page.getByTestId('duplicate-warn-at').fill(String(Math.round(before.warnAt * 100)));
      await page.getByTestId('duplicate-rules-save').click();
      await page.getByTestId('duplicate-rules-saved').waitFor();
      const after = (await apiRead(page, '/api/duplicates/rules?type=contact')) as { rules: { rule: string; enabled: boolean }[] };
      expect(after.rules.find((r) => r.rule === 'birthday')!.enabled).toBe(!enabled);
      // Put it back, so other tests meet the default rules.
      await rule.getByTestId('duplicate-rule-enabled').click();
      await page.getByTestId('duplicate-rules-save').click();
      await expect
        .poll(async () => ((await apiRead(page, '/api/duplicates/rules?type=contact')) as typeof after).rules.find((r) => r.rule === 'birthday')!.enabled)
        .toBe(enabled);
      await page.context().close();
    }
  }, 240_000);
});
