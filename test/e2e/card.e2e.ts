import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { acceptAsNewPerson, csrfOf, inviteToActiveWorkspace, stamp } from './support/invitations.js';
import { apiRead, apiWrite, makeCustomer, openCard, shot } from './support/records.js';

describe('customer card', () => {
  const browser = useBrowser();

  it('shows the header links and edits a field in place with the version', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);

    expect(await page.getByTestId('card-name').innerText()).toBe(`${c.firstName} ${c.lastName}`);
    expect(await page.getByTestId('card-phone').getAttribute('href')).toBe('tel:+972501234567');
    expect(await page.getByTestId('card-whatsapp').getAttribute('href')).toBe('https://wa.me/972501234567');
    expect(await page.getByTestId('card-email').getAttribute('href')).toBe(`mailto:${c.firstName.toLowerCase()}@example.com`);
    expect(await page.getByTestId('card-company-link').innerText()).toContain(c.companyName);
    const before = Number(await page.getByTestId('card-page').getAttribute('data-version'));

    await page.getByRole('button', { name: 'Edit City' }).click();
    await page.getByTestId('field-input-city').fill('Haifa');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-value-city').getByText('Haifa').waitFor();
    expect(Number(await page.getByTestId('card-page').getAttribute('data-version'))).toBe(before + 1);
    expect((await apiRead(page, `/api/contacts/${c.contactId}`)).city).toBe('Haifa');

    // Escape leaves an edit without saving.
    await page.getByTestId('field-edit-source').click();
    await page.getByTestId('field-input-source').fill('not saved');
    await page.keyboard.press('Escape');
    await page.getByTestId('field-edit-source').waitFor();
    expect((await apiRead(page, `/api/contacts/${c.contactId}`)).source ?? null).toBeNull();
  });

  it('edits every email and phone in place: add, relabel, choose the primary, remove; each stays a link', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    const phones = page.getByTestId('field-value-phones');
    expect(await phones.getByTestId('point-link').getAttribute('href')).toBe('tel:+972501234567');

    // The phone made through the API's shortcut is a work one: it becomes the mobile.
    expect(await phones.getByTestId('point-whatsapp').count()).toBe(0);
    await page.getByRole('button', { name: 'Edit Phones' }).click();
    await page.getByTestId('card-phones-label-0').click();
    await page.getByRole('option', { name: 'Mobile' }).click();
    await page.getByTestId('card-phones-add').click();
    await page.getByTestId('card-phones-1').fill('03-555-1234');
    await page.getByTestId('card-phones-label-1').click();
    await page.getByRole('option', { name: 'Work' }).click();
    await page.getByTestId('card-phones-primary-1').check();
    await shot(page, 'card-phones-edit-en-ltr');
    await page.getByTestId('field-save-phones').click();
    await phones.getByTestId('point').nth(1).waitFor();

    // The primary (the office number) first; the mobile keeps its WhatsApp link.
    const points = phones.getByTestId('point');
    expect(await points.count()).toBe(2);
    expect(await points.nth(0).getAttribute('data-label')).toBe('work');
    expect(await points.nth(0).getByTestId('point-link').getAttribute('href')).toBe('tel:+97235551234');
    expect(await points.nth(0).getByTestId('point-whatsapp').count()).toBe(0);
    expect(await points.nth(1).getByTestId('point-whatsapp').getAttribute('href')).toBe('https://wa.me/972501234567');
    const stored = await apiRead(page, `/api/contacts/${c.contactId}`);
    expect(stored.phones).toEqual([
      { value: '+972501234567', label: 'mobile', primary: false },
      { value: '+97235551234', label: 'work', primary: true },
    ]);
    expect(stored.phone).toBe('+97235551234');

    // The same address twice: the server's error shows on that row and the input stays.
    const email = `${c.firstName.toLowerCase()}@example.com`;
    await page.getByTestId('field-edit-emails').click();
    await page.getByTestId('card-emails-add').click();
    await page.getByTestId('card-emails-1').fill(email.toUpperCase());
    await page.getByTestId('field-save-emails').click();
    await page.getByTestId('field-emails').getByText('Listed twice').waitFor();
    expect(await page.getByTestId('card-emails-1').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('card-emails').getAttribute('aria-invalid')).not.toBe('true');
    await shot(page, 'card-emails-error-en-ltr');
    await page.getByTestId('card-emails-1').fill('office@example.com');
    await page.getByTestId('card-emails-remove-0').click();
    await page.getByTestId('field-save-emails').click();
    await page.getByTestId('field-value-emails').getByText('office@example.com').waitFor();
    expect(await page.getByTestId('field-value-emails').getByTestId('point-link').getAttribute('href')).toBe('mailto:office@example.com');
    expect((await apiRead(page, `/api/contacts/${c.contactId}`)).emails).toEqual([{ value: 'office@example.com', label: 'work', primary: true }]);
  });

  it('a stale phones edit shows who changed the record and keeps the list typed', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    await page.getByTestId('field-edit-phones').click();
    await page.getByTestId('card-phones-add').click();
    await page.getByTestId('card-phones-1').fill('04-666-7777');
    const current = await apiRead(page, `/api/contacts/${c.contactId}`);
    await apiWrite(page, 'PATCH', `/api/contacts/${c.contactId}`, { city: 'Akko', version: current.version });
    await page.getByTestId('field-save-phones').click();
    await page.getByTestId('card-conflict').waitFor();
    expect(await page.getByTestId('card-phones-1').inputValue()).toBe('04-666-7777');
    await page.getByTestId('card-reload').click();
    await page.getByTestId('card-conflict').waitFor({ state: 'detached' });
    await page.getByTestId('field-save-phones').click();
    await page.getByTestId('field-value-phones').getByText('04-666-7777').waitFor();
    const saved = await apiRead(page, `/api/contacts/${c.contactId}`);
    expect([saved.city, (saved.phones as unknown[]).length]).toEqual(['Akko', 2]);
  });

  it('the company card edits its phones the same way', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/companies/${c.companyId}`);
    await page.getByTestId('field-edit-phones').click();
    await page.getByTestId('card-phones').fill('09-888-1111');
    await page.getByTestId('field-save-phones').click();
    await page.getByTestId('field-value-phones').getByText('09-888-1111').waitFor();
    expect((await apiRead(page, `/api/companies/${c.companyId}`)).phones).toEqual([{ value: '+97298881111', label: 'work', primary: true }]);
  });

  it('a stale edit says who changed the record, keeps the input, and saves after a reload', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    const me = String(((await apiRead(page, '/api/auth/session')).user as { name: string }).name);

    await page.getByTestId('field-edit-city').click();
    await page.getByTestId('field-input-city').fill('Eilat');
    // Meanwhile the record changes elsewhere.
    const current = await apiRead(page, `/api/contacts/${c.contactId}`);
    await apiWrite(page, 'PATCH', `/api/contacts/${c.contactId}`, { source: 'phone call', version: current.version });

    await page.getByTestId('field-save-city').click();
    const conflict = page.getByTestId('card-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(`${me} changed this record`);
    expect(await page.getByTestId('field-input-city').inputValue()).toBe('Eilat');
    await shot(page, 'card-conflict-en-ltr');

    await page.getByTestId('card-reload').click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByTestId('field-value-source').getByText('phone call').waitFor();
    expect(await page.getByTestId('field-input-city').inputValue()).toBe('Eilat');
    await page.getByTestId('field-save-city').click();
    await page.getByTestId('field-value-city').getByText('Eilat').waitFor();
    const saved = await apiRead(page, `/api/contacts/${c.contactId}`);
    expect([saved.city, saved.source]).toEqual(['Eilat', 'phone call']);
  });

  it('says live who else changed the record while it is open, and shows their change', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    // An admin colleague (admins see every record, whatever the workspace's visibility).
    const token = await inviteToActiveWorkspace(page.request, await csrfOf(page.request), `yael-${stamp()}@example.com`, 'admin');
    const colleague = await browser.newPage();
    await acceptAsNewPerson(colleague, token, 'Yael Colleague');
    await openCard(page, `/contacts/${c.contactId}`);
    await page.waitForTimeout(500); // the event stream is open

    const { version } = await apiRead(colleague, `/api/contacts/${c.contactId}`);
    await apiWrite(colleague, 'PATCH', `/api/contacts/${c.contactId}`, { city: 'Nazareth', version });
    await page.getByTestId('card-other-change').getByText('Yael Colleague changed this record just now.').waitFor();
    await page.getByTestId('field-value-city').getByText('Nazareth').waitFor();
    await shot(page, 'card-live-change-en-ltr');
  });

  it('adds a note and logs a call that appear on the timeline, and on the company card', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    const note = `Asked for a quote ${c.firstName}`;

    await page.getByTestId('composer-body').fill(note);
    await page.getByTestId('composer-submit').click();
    const noteItem = page.locator('[data-testid="timeline-item"][data-kind="note"]').filter({ hasText: note });
    await noteItem.waitFor();

    await page.getByTestId('composer-kind').getByText('Call', { exact: true }).click();
    await page.getByTestId('composer-duration').fill('5');
    await page.getByTestId('composer-outcome').click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await page.getByTestId('composer-body').fill('Agreed on a meeting');
    await page.getByTestId('composer-submit').click();
    const call = page.locator('[data-testid="timeline-item"][data-kind="call"]').first();
    await call.waitFor();
    const text = await call.innerText();
    expect(text).toContain('Outgoing');
    expect(text).toContain('Duration 5:00');
    expect(text).toContain('Answered');
    // Newest first: the call is above the note.
    expect(await page.getByTestId('timeline-item').first().getAttribute('data-kind')).toBe('call');

    // The kind chips filter the timeline.
    await page.getByTestId('timeline').locator('label').filter({ hasText: /^Note$/ }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="timeline-item"]')].every((el) => el.getAttribute('data-kind') === 'note'),
    );
    await noteItem.waitFor();
    await shot(page, 'card-contact-en-ltr');

    await page.getByTestId('card-company-link').getByRole('link').click();
    await page.waitForURL(`**/companies/${c.companyId}`);
    await page.getByTestId('card-person').filter({ hasText: c.firstName }).waitFor();
    await page.locator('[data-testid="timeline-item"][data-kind="note"]').filter({ hasText: note }).waitFor();
    await shot(page, 'card-company-en-ltr');
  });

  it('changing the stage shows as a sentence on the timeline and in History', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);

    await page.getByTestId('header-stage').click();
    await page.getByRole('option', { name: 'Qualified' }).click();
    await page.getByTestId('timeline-sentence').filter({ hasText: /changed Stage from Lead to Qualified/ }).waitFor();

    await page.getByTestId('tab-history').click();
    const entry = page.getByTestId('history-entry').first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('Stage');
    expect(text).toContain('Qualified');
    expect(text).toContain('via web');
    // Company links read as names with the role, never as ids.
    const link = page.getByTestId('change').filter({ hasText: 'Companies:' });
    expect(await link.innerText()).toContain(`+ ${c.companyName} (buyer)`);
    expect(await link.innerText()).not.toContain(c.companyId);
    expect(await page.getByTestId('history').innerText()).not.toContain(c.companyId);
    await shot(page, 'card-history-en-ltr');
  });

  it('reads in Hebrew from right to left, on a desktop and on a 375 px phone', async () => {
    for (const [width, height] of [
      [1280, 800],
      [375, 812],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await pinLanguage(page, 'he');
      await logIn(page);
      const c = await makeCustomer(page, `נועה${Date.now().toString(36)}`);
      await apiWrite(page, 'POST', '/api/activities', { kind: 'note', body: 'ביקשה הצעת מחיר', links: [{ recordType: 'contact', recordId: c.contactId }] });
      await openCard(page, `/contacts/${c.contactId}`);
      await page.getByTestId('timeline-item').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.getByTestId('tab-timeline').innerText()).toBe('ציר זמן');
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, `card-contact-he-rtl-${width}`);
      await page.getByTestId('field-edit-phones').click();
      await page.getByTestId('card-phones-add').click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, `card-phones-edit-he-rtl-${width}`);
      await page.getByTestId('field-cancel-phones').click();
      await page.getByTestId('tab-history').click();
      await page.getByTestId('change').filter({ hasText: `+ ${c.companyName} (buyer)` }).waitFor();
      await shot(page, `card-history-he-rtl-${width}`);
      await page.context().close();
    }
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'card-contact-en-ltr-375');
    await page.getByTestId('field-edit-phones').click();
    await page.getByTestId('card-phones-add').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'card-phones-edit-en-ltr-375');
  });
});
