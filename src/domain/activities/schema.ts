import { z } from 'zod';
import { multilineText, rawText, text, versionSchema } from '../common/schema.js';

/** Every kind of activity; 'system' is written only by the change pipeline (records/changes.ts). */
export const activityKinds = [
  'note',
  'call',
  'meeting',
  'email',
  'sms',
  'whatsapp',
  'letter',
  'fax',
  'visit',
  'web_form',
  'chat',
  'social',
  'system',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
/** What a person or API client may write. */
export const writableKinds = activityKinds.filter((k) => k !== 'system') as Exclude<ActivityKind, 'system'>[];

export const callOutcomes = ['answered', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const meetingOutcomes = ['held', 'cancelled', 'no_show'] as const;
export const directions = ['in', 'out'] as const;

/**
 * Which kinds may carry each kind-specific field: a field sent with another kind is a 400 naming it,
 * never silently stored where no screen shows it.
 */
export const kindFields = {
  direction: ['call', 'email', 'sms', 'whatsapp', 'letter', 'fax', 'chat', 'social'],
  durationSeconds: ['call'],
  recordingUrl: ['call'],
  outcome: ['call', 'meeting', 'visit'],
  location: ['meeting', 'visit'],
  endsAt: ['meeting', 'visit'],
} as const satisfies Record<string, readonly ActivityKind[]>;

export const MAX_LINKS = 20;

export const activityLinkInputSchema = z.strictObject({
  recordType: text().max(40),
  recordId: z.uuid(),
});

const datetime = z.iso.datetime({ offset: true });
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const activityFields = {
  occurredAt: datetime.optional(),
  subject: optional(text().max(500)),
  body: optional(multilineText().max(100_000)),
  direction: optional(z.enum(directions)),
  /** Up to a day. */
  durationSeconds: optional(z.number().int().min(0).max(86_400)),
  outcome: optional(z.enum([...callOutcomes, ...meetingOutcomes])),
  recordingUrl: optional(
    rawText()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/ })),
  ),
  location: optional(text().max(500)),
  endsAt: optional(datetime),
  links: z.array(activityLinkInputSchema).min(1).max(MAX_LINKS),
};

export const createActivitySchema = z.strictObject({ kind: z.enum(writableKinds), ...activityFields });
export type CreateActivityInput = z.input<typeof createActivitySchema>;

/** The kind stays; `links`, when sent, replaces them all. */
export const updateActivitySchema = z.strictObject({
  ...activityFields,
  links: activityFields.links.optional(),
  version: versionSchema.optional(),
});
export type UpdateActivityInput = z.input<typeof updateActivitySchema>;

export const activityLinkSchema = z.object({ recordType: z.string(), recordId: z.uuid(), name: z.string() });

export const activitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(activityKinds),
  occurredAt: datetime,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  direction: z.enum(directions).nullable(),
  durationSeconds: z.number().int().nullable(),
  outcome: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  location: z.string().nullable(),
  endsAt: datetime.nullable(),
  /** System events: what happened to the record. */
  event: z
    .object({
      action: z.string(),
      changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
    })
    .nullable(),
  /** The records it is linked to that the caller may see. */
  links: z.array(activityLinkSchema),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

const kindList = z
  .string()
  .max(300)
  .transform((value) => value.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.enum(activityKinds)).max(activityKinds.length));

export const timelineQuerySchema = z.strictObject({
  /** Comma-separated kinds: `note,call`. */
  kinds: kindList.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: rawText().max(500).optional(),
});
/** As sent (kinds as `note,call`) or as the route parsed it (kinds as a list). */
export type TimelineQuery = z.input<typeof timelineQuerySchema> | z.output<typeof timelineQuerySchema>;

export const timelineParamsSchema = z.strictObject({ recordType: text().max(40), id: z.uuid() });

export const timelinePageSchema = z.object({ items: z.array(activitySchema), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof timelinePageSchema>;
