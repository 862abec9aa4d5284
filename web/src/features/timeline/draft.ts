import { callOutcomes, meetingOutcomes } from '../../../../src/domain/activities/schema.js';
import type { Activity } from './api.js';

export { callOutcomes, meetingOutcomes };

/** What the composer and the timeline's edit form hold while a person types: one shape for both. */
export interface ActivityDraft {
  kind: string;
  subject: string;
  body: string;
  direction: 'in' | 'out';
  /** Minutes, as typed. */
  duration: number | '';
  outcome: string | null;
  /** `datetime-local` values (the person's own time). */
  start: string;
  end: string;
  location: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
export const localNow = (offsetMinutes = 0) => localInput(new Date(Date.now() + offsetMinutes * 60_000));
const fromIso = (iso: string | null | undefined) => (iso && !Number.isNaN(new Date(iso).getTime()) ? localInput(new Date(iso)) : '');
const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

/** Meetings and visits have a time span, a place and a meeting outcome; calls a direction, duration and call outcome. */
export const isMeetingLike = (kind: string) => kind === 'meeting' || kind === 'visit';
export const outcomesOf = (kind: string): readonly string[] => (kind === 'call' ? callOutcomes : isMeetingLike(kind) ? meetingOutcomes : []);

export const newDraft = (kind: string): ActivityDraft => ({
  kind,
  subject: '',
  body: '',
  direction: 'out',
  duration: '',
  outcome: null,
  start: localNow(),
  end: localNow(60),
  location: '',
});

/** An activity as the edit form starts it. */
export const draftOf = (a: Activity): ActivityDraft => ({
  kind: a.kind,
  subject: a.subject ?? '',
  body: a.body ?? '',
  direction: a.direction === 'in' ? 'in' : 'out',
  duration: typeof a.durationSeconds === 'number' ? Math.round(a.durationSeconds / 60) : '',
  outcome: a.outcome ?? null,
  start: fromIso(a.occurredAt),
  end: fromIso(a.endsAt),
  location: a.location ?? '',
});

/** A note needs words; a meeting a start; the rest may be logged bare. */
export const canSubmit = (d: ActivityDraft) => (d.kind === 'note' ? d.body.trim() !== '' : isMeetingLike(d.kind) ? d.start !== '' : true);

/**
 * The fields of the draft's kind as the API takes them (create and update alike): an emptied field
 * is null, so an edit clears it; fields of other kinds are not sent.
 */
export function draftFields(d: ActivityDraft): Record<string, unknown> {
  const text = (v: string) => v.trim() || null;
  const fields: Record<string, unknown> = { body: text(d.body) };
  if (d.kind === 'call') {
    Object.assign(fields, {
      direction: d.direction,
      durationSeconds: d.duration === '' ? null : Math.round(d.duration * 60),
      outcome: d.outcome,
    });
  } else if (isMeetingLike(d.kind)) {
    const occurredAt = toIso(d.start);
    Object.assign(fields, { subject: text(d.subject), endsAt: toIso(d.end), location: text(d.location), outcome: d.outcome });
    if (occurredAt) fields.occurredAt = occurredAt;
  } else if (d.kind !== 'note') {
    fields.subject = text(d.subject);
  }
  return fields;
}
