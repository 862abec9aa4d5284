import { z } from 'zod';
import { multilineText, text, versionSchema } from '../common/schema.js';

export const consentChannels = ['email', 'sms', 'whatsapp', 'phone'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export const consentStatuses = ['granted', 'withdrawn'] as const;
/** How a consent was given or withdrawn; unsubscribe_link is written only by the public link. */
export const consentMethods = ['form', 'import', 'verbal', 'email', 'api', 'unsubscribe_link', 'other'] as const;
const writableMethods = consentMethods.filter((m) => m !== 'unsubscribe_link') as Exclude<(typeof consentMethods)[number], 'unsubscribe_link'>[];

const timestamp = z.iso.datetime({ offset: true });

/** One entry of a contact's consent history. */
export const consentSchema = z.object({
  id: z.uuid(),
  channel: z.enum(consentChannels),
  status: z.enum(consentStatuses),
  method: z.enum(consentMethods),
  evidence: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: timestamp,
});
export type Consent = z.infer<typeof consentSchema>;

/** GET /api/contacts/:id/consents: the state per channel (the latest entry, or null) and the history, newest first. */
export const consentsSchema = z.object({
  doNotContact: z.boolean(),
  current: z.record(z.enum(consentChannels), consentSchema.nullable()),
  history: z.array(consentSchema),
});
export type Consents = z.infer<typeof consentsSchema>;

export const recordConsentSchema = z.strictObject({
  channel: z.enum(consentChannels),
  status: z.enum(consentStatuses),
  method: z.enum(writableMethods),
  /** The form's URL, the import file's name, "told me on the phone". */
  evidence: multilineText().trim().max(2000).optional(),
});
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'html']).default('json'),
  lang: z.enum(['he', 'en']).optional(),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const eraseSchema = z.strictObject({
  /** The contact's display name or id, typed by the person erasing. */
  confirm: text().min(1).max(300),
});
export type EraseInput = z.input<typeof eraseSchema>;

export const eraseResultSchema = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  activitiesCleared: z.number().int(),
  activitiesScrubbed: z.number().int(),
  auditEntriesRewritten: z.number().int(),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;

export const retentionActions = ['anonymise', 'erase'] as const;

export const privacySettingsSchema = z.object({
  /** Years without activity after which `kesher privacy retention` acts; null = off. */
  retentionYears: z.number().int().nullable(),
  retentionAction: z.enum(retentionActions),
  version: z.number().int(),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const updatePrivacySettingsSchema = z.strictObject({
  retentionYears: z.number().int().min(1).max(100).nullable().optional(),
  retentionAction: z.enum(retentionActions).optional(),
  version: versionSchema.optional(),
});
export type UpdatePrivacySettingsInput = z.input<typeof updatePrivacySettingsSchema>;

export const unsubscribeParamsSchema = z.strictObject({ token: text().min(10).max(200) });
export const unsubscribeResultSchema = z.object({ channel: z.enum(consentChannels), unsubscribed: z.literal(true) });
