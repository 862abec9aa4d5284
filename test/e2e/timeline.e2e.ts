import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, pinLanguage } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { acceptAsNewPerson, csrfOf, inviteToActiveWorkspace, stamp } from './support/invitations.js';
import { apiRead, apiWrite, makeCustomer, openCard, shot } from './support/records.js';

const item = (page: Page, kind: string) => page.locator(`[data-testid="timeline-item"][data-kind="${kind}"]`);

async function logCall(page: Page, contactId: string, body: string) {
  return apiWrite(page, 'POST', '/api/activities', {
    kind: 'call',
    direction: 'out',
    durationSeconds: 120,
    outcome: 'no_answer',
    body,
    links: [{ recordType: 'contact', recordId: contactId }],
  });
}

describe('timeline: edit and delete activities, meeting outcomes', () => {
  const browser = useBrowser();

  it('edits an activity in place from its menu, then deletes it after a confirmation', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    const call = await logCall(page, c.contactId, 'Left a message');
    await openCard(page, `/contacts/${c.contactId}`);

    const callItem = item(page, 'call').filter({ hasText: 'Left a message' });
    await callItem.getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    // Found on its own: once the summary is retyped, the item no longer has the old text.
    const form = page.getByTestId('activity-edit');
    // The edit form holds what the call has: the composer's fields.
    expect(await form.getByTestId('activity-edit-duration').inputValue()).toBe('2');
    expect(await form.getByTestId('activity-edit-body').inputValue()).toBe('Left a message');
    await form.getByTestId('activity-edit-duration').fill('7');
    await form.getByTestId('activity-edit-outcome').click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await form.getByTestId('activity-edit-body').fill('Talked it through');
    await shot(page, 'timeline-edit-en-ltr');
    await form.getByTestId('activity-edit-save').click();
    await form.waitFor({ state: 'detached' });

    const edited = item(page, 'call').filter({ hasText: 'Talked it through' });
    await edited.waitFor();
    const text = await edited.innerText();
    expect(text).toContain('Answered');
    expect(text).toContain('Duration 7:00');
    const stored = await apiRead(page, `/api/activities/${String(call!.id)}`);
    expect([stored.outcome, stored.durationSeconds, stored.body, stored.version]).toEqual(['answered', 420, 'Talked it through', 2]);

    // Delete asks first; cancelling keeps it.
    await edited.getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByTestId('activity-delete-confirm').waitFor();
    await shot(page, 'timeline-delete-confirm-en-ltr');
    await page.getByTestId('activity-delete-cancel').click();
    await page.getByTestId('activity-delete-confirm').waitFor({ state: 'detached' });
    expect(await edited.count()).toBe(1);

    await edited.getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByTestId('activity-delete-yes').click();
    await edited.waitFor({ state: 'detached' });
    expect((await page.request.get(`/api/activities/${String(call!.id)}`)).status()).toBe(404);
  });

  it('a stale activity edit is a conflict that keeps the input, and saves after a reload', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    const call = await logCall(page, c.contactId, 'First try');
    await openCard(page, `/contacts/${c.contactId}`);

    const callItem = item(page, 'call').first();
    await callItem.getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByTestId('activity-edit-body').fill('My summary');
    // Meanwhile someone else changes the call.
    await apiWrite(page, 'PATCH', `/api/activities/${String(call!.id)}`, { outcome: 'busy', version: 1 });
    await page.getByTestId('activity-edit-save').click();

    await page.getByTestId('activity-conflict').waitFor();
    expect(await page.getByTestId('activity-edit-body').inputValue()).toBe('My summary');
    await shot(page, 'timeline-conflict-en-ltr');
    await page.getByTestId('activity-reload').click();
    await page.getByTestId('activity-conflict').waitFor({ state: 'detached' });
    expect(await page.getByTestId('activity-edit-body').inputValue()).toBe('My summary');
    await page.getByTestId('activity-edit-save').click();
    await page.getByTestId('activity-edit').waitFor({ state: 'detached' });
    await item(page, 'call').filter({ hasText: 'My summary' }).waitFor();
    const stored = await apiRead(page, `/api/activities/${String(call!.id)}`);
    expect([stored.body, stored.version]).toEqual(['My summary', 3]);
  });

  it('logs a meeting with its outcome, place and end, and edits its outcome later', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await openCard(page, `/contacts/${c.contactId}`);

    await page.getByTestId('composer-kind').getByText('Meeting', { exact: true }).click();
    await page.getByTestId('composer-subject').fill('Quarterly review');
    await page.getByTestId('composer-start').fill('2026-11-02T10:00');
    await page.getByTestId('composer-end').fill('2026-11-02T11:30');
    await page.getByTestId('composer-location').fill('Haifa office');
    await page.getByTestId('composer-outcome').click();
    await page.getByRole('option', { name: 'No show' }).click();
    await page.getByTestId('composer-submit').click();

    const meeting = item(page, 'meeting').filter({ hasText: 'Quarterly review' });
    await meeting.waitFor();
    const text = await meeting.innerText();
    expect(text).toContain('No show');
    expect(text).toContain('Haifa office');
    const [stored] = ((await apiRead(page, `/api/timeline/contact/${c.contactId}?kinds=meeting`)).items as Record<string, unknown>[]) ?? [];
    expect(stored).toMatchObject({ outcome: 'no_show', location: 'Haifa office', subject: 'Quarterly review' });
    expect(new Date(String(stored!.endsAt)).getTime() - new Date(String(stored!.occurredAt)).getTime()).toBe(90 * 60_000);

    // A call's outcomes are not offered for a meeting.
    await meeting.getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByTestId('activity-edit-outcome').click();
    expect(await page.getByRole('option', { name: 'Answered' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Held' }).click();
    await page.getByTestId('activity-edit-save').click();
    await page.getByTestId('activity-edit').waitFor({ state: 'detached' });
    await meeting.getByText('Held').waitFor();
    const after = await apiRead(page, `/api/activities/${String(stored!.id)}`);
    // Times left alone stay exactly as they were.
    expect([after.outcome, after.occurredAt, after.endsAt]).toEqual(['held', stored!.occurredAt, stored!.endsAt]);
  });

  it('gives a viewer no menu, and none on system events', async () => {
    const page = await browser.newPage();
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await logCall(page, c.contactId, 'Viewer may read this');
    await openCard(page, `/contacts/${c.contactId}`);
    await item(page, 'call').first().getByTestId('activity-menu').waitFor();
    expect(await item(page, 'system').first().getByTestId('activity-menu').count()).toBe(0);

    const token = await inviteToActiveWorkspace(page.request, await csrfOf(page.request), `viewer-${stamp()}@example.com`, 'viewer');
    const viewer = await browser.newPage();
    await pinLanguage(viewer, 'en');
    await acceptAsNewPerson(viewer, token, 'Vered Viewer');
    await openCard(viewer, `/contacts/${c.contactId}`);
    await item(viewer, 'call').filter({ hasText: 'Viewer may read this' }).waitFor();
    expect(await viewer.getByTestId('activity-menu').count()).toBe(0);
  });

  it('reads in Hebrew from right to left, on a desktop and on a 375 px phone', async () => {
    for (const [width, height] of [
      [1280, 800],
      [375, 812],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await pinLanguage(page, 'he');
      await logIn(page);
      const c = await makeCustomer(page, `דנה${Date.now().toString(36)}`);
      await logCall(page, c.contactId, 'השארתי הודעה');
      await openCard(page, `/contacts/${c.contactId}`);
      const callItem = item(page, 'call').first();
      await callItem.getByRole('button', { name: 'פעולות על הפעילות' }).click();
      await page.getByRole('menuitem', { name: 'עריכה' }).click();
      await callItem.getByTestId('activity-edit').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, `timeline-edit-he-rtl-${width}`);
      await page.getByTestId('activity-edit-cancel').click();
      await callItem.getByRole('button', { name: 'פעולות על הפעילות' }).click();
      await page.getByRole('menuitem', { name: 'מחיקה' }).click();
      await page.getByTestId('activity-delete-confirm').getByText('למחוק את הפעילות?').or(page.getByText('למחוק את הפעילות?')).first().waitFor();
      await shot(page, `timeline-delete-confirm-he-rtl-${width}`);
      await page.context().close();
    }
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await pinLanguage(page, 'en');
    await logIn(page);
    const c = await makeCustomer(page);
    await logCall(page, c.contactId, 'Narrow screen');
    await openCard(page, `/contacts/${c.contactId}`);
    await item(page, 'call').first().getByRole('button', { name: 'Activity actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByTestId('activity-edit').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'timeline-edit-en-ltr-375');
  });
});
