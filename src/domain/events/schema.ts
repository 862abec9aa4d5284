import { z } from 'zod';

/** The `data:` of an SSE `event: change` frame (GET /api/events): what changed, never the values. */
export const liveChangeSchema = z.object({
  /** The event id, also the frame's `id:` (Last-Event-ID). */
  id: z.number().int(),
  recordType: z.string(),
  recordId: z.uuid(),
  /** created, updated, deleted, restored, purged, merged, activity. */
  action: z.string(),
  version: z.number().int().nullable(),
  actorUserId: z.uuid().nullable(),
  /** The actor's name, for "changed by X" without another request. */
  actorName: z.string().nullable(),
  fields: z.array(z.string()),
  /** Activity events: which activity. */
  activityId: z.uuid().optional(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;
