import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { screenshot, useBrowser } from './support/browser.js';
import { acceptAsNewPerson, csrfOf, inviteToActiveWorkspace, stamp } from './support/invitations.js';
import { apiRead, apiWrite } from './support/records.js';

interface Seen {
  recordId: string;
  version: number | null;
}
type LiveWindow = Window & { __live?: Seen[] };

/** Keeps every change event the EventSources of the page's context receive in `window.__live`, to check what reached them. */
async function recordLiveEvents(page: Page) {
  await page.context().addInitScript(() => {
    const w = window as LiveWindow;
    w.__live = [];
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('change', (message) => w.__live!.push(JSON.parse((message as MessageEvent<string>).data) as Seen));
      }
    };
  });
}

const received = (page: Page, recordId: string, version?: number) =>
  page.evaluate(([id, v]) => ((window as LiveWindow).__live ?? []).some((e) => e.recordId === id && (v === undefined || e.version === v)), [recordId, version] as const);

/**
 * Waits until each page's event stream delivers: a change to `marker` (a contact all of them may see)
 * made after they opened. The stream subscribes a moment after the page loads, so a poke before that
 * is missed: poke again until every page has one.
 */
async function untilStreamsLive(pages: Page[], writer: Page, marker: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { version } = await apiRead(writer, `/api/contacts/${marker}`);
    const saved = await apiWrite(writer, 'PATCH', `/api/contacts/${marker}`, { city: `Poke ${attempt}`, version });
    const reached = async () => (await Promise.all(pages.map((p) => received(p, marker, saved!.version as number)))).every(Boolean);
    try {
      await expect.poll(reached, { timeout: 1_500, interval: 100 }).toBe(true);
      return;
    } catch {
      // Not subscribed yet: the next poke will be seen.
    }
  }
  throw new Error('the event streams never delivered the marker change');
}

const rowNames = (page: Page) => page.getByTestId('contact-name').allInnerTexts();

describe('live updates between browsers', () => {
  const browser = useBrowser();

  it("one member renames a contact on its card; another's list and card follow without reload; a rep who may not see it gets nothing (en)", async () => {
    // The watcher: the demo owner, with the contacts list and the card open in two tabs.
    const list = await browser.newPage();
    await pinLanguage(list, 'en');
    await recordLiveEvents(list);
    await logIn(list);
    const first = `Live${stamp()}`;
    const contact = await apiWrite(list, 'POST', '/api/contacts', { firstName: first, lastName: 'Before' });
    const id = String(contact!.id);

    // The editor: an admin colleague in another browser context (cookies of their own).
    const csrf = await csrfOf(list.request);
    const editor = await browser.newPage();
    await pinLanguage(editor, 'en');
    await acceptAsNewPerson(editor, await inviteToActiveWorkspace(list.request, csrf, `dana-${stamp()}@example.test`, 'admin'), 'Dana Editor');
    // A sales rep who sees only their own records: said here, as the workspace active for the owner need
    // not be the demo (an earlier test may have left another one active).
    await apiWrite(list, 'PUT', '/api/workspace/record-settings', { recordVisibility: { sales: 'own' } });
    const rep = await browser.newPage();
    await pinLanguage(rep, 'en');
    await recordLiveEvents(rep);
    await acceptAsNewPerson(rep, await inviteToActiveWorkspace(list.request, csrf, `sami-${stamp()}@example.test`, 'sales'), 'Sami Rep');
    const marker = String((await apiWrite(rep, 'POST', '/api/contacts', { firstName: `Marker${stamp()}` }))!.id);

    await list.goto(`/contacts?q=${first}`);
    await list.getByTestId('contact-name').getByText(`${first} Before`).waitFor();
    const card = await list.context().newPage();
    await card.goto(`/contacts/${id}`);
    await card.getByTestId('card-name').getByText(`${first} Before`).waitFor();
    await rep.goto(`/contacts?q=${first}`);
    await rep.getByTestId('contacts-empty').waitFor();
    await editor.goto(`/contacts/${id}`);
    await editor.getByTestId('card-name').getByText(`${first} Before`).waitFor();
    await untilStreamsLive([list, card, rep], rep, marker);

    // Dana renames the contact on her card.
    await editor.getByTestId('field-edit-lastName').click();
    await editor.getByTestId('field-input-lastName').fill('After');
    await editor.getByTestId('field-save-lastName').click();
    await editor.getByTestId('card-name').getByText(`${first} After`).waitFor();

    // The owner's list and card follow within seconds, without a reload; the card says who changed it.
    await expect.poll(() => rowNames(list), { timeout: 10_000 }).toEqual([`${first} After`]);
    await card.getByTestId('card-name').getByText(`${first} After`).waitFor({ timeout: 10_000 });
    await card.getByTestId('card-other-change').getByText('Dana Editor changed this record just now.').waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('field-value-lastName').innerText()).toBe('After');
    await screenshot(card, 'live-card-changed-en-ltr');

    // The rep's stream carries no event of the contact: a later change they may see arrives, that one never did.
    await untilStreamsLive([rep], rep, marker);
    expect(await received(rep, id)).toBe(false);
    expect(await received(list, id)).toBe(true);
    await rep.getByTestId('contacts-empty').waitFor();
    expect(await rep.getByTestId('contact-row').count()).toBe(0);
  }, 180_000);
});
