import { z } from 'zod';
import type { CreateActivityInput } from '../../../../src/domain/activities/schema.js';
import { request } from '../../app/api.js';

export const activityKinds = ['note', 'call', 'meeting', 'email', 'sms', 'whatsapp', 'letter', 'fax', 'visit', 'web_form', 'chat', 'social', 'system'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const changeSchema = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export type FieldChangeView = z.infer<typeof changeSchema>;

export const activitySchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  occurredAt: z.string(),
  subject: z.string().nullish(),
  body: z.string().nullish(),
  direction: z.string().nullish(),
  durationSeconds: z.number().nullish(),
  outcome: z.string().nullish(),
  recordingUrl: z.string().nullish(),
  location: z.string().nullish(),
  endsAt: z.string().nullish(),
  event: z.looseObject({ action: z.string(), changes: z.array(changeSchema).nullish() }).nullish(),
  links: z.array(z.looseObject({ recordType: z.string(), recordId: z.string(), name: z.string().nullish() })).nullish(),
  createdBy: z.string().nullish(),
  createdByName: z.string().nullish(),
  version: z.number().nullish(),
});
export type Activity = z.infer<typeof activitySchema>;

const timelinePageSchema = z.object({ items: z.array(activitySchema), nextCursor: z.string().nullish() });

export const timelineKey = (recordType: string, id: string, kinds: string[]) => ['timeline', recordType, id, kinds] as const;

export const fetchTimeline = (recordType: string, id: string, kinds: string[], cursor: string | undefined, signal?: AbortSignal) =>
  request(`/api/timeline/${recordType}/${id}`, {
    query: { kinds: kinds.length ? kinds.join(',') : undefined, limit: 20, cursor },
    schema: timelinePageSchema,
    signal,
  });

export type NewActivity = CreateActivityInput;

export const createActivity = (input: NewActivity) => request('/api/activities', { method: 'POST', body: input, schema: activitySchema });

export const fetchActivity = (id: string) => request(`/api/activities/${id}`, { schema: activitySchema });

/** PATCH with the version the edit started from: a stale one is a 409 (version_conflict). */
export const updateActivity = (id: string, fields: Record<string, unknown>, version: number) =>
  request(`/api/activities/${id}`, { method: 'PATCH', body: { ...fields, version }, schema: activitySchema });

export const deleteActivity = (id: string, version: number) => request(`/api/activities/${id}`, { method: 'DELETE', body: { version } });
