import { z } from 'zod';
import { text } from '../common/schema.js';

/** What an audit entry records; erase and export are privacy requests (privacy/), without the data. */
export const auditActions = ['create', 'update', 'delete', 'restore', 'purge', 'merge', 'link', 'unlink', 'erase', 'export'] as const;
export const auditChannels = ['web', 'api', 'cli', 'import'] as const;

/** Keyset position: the last entry's id (entries come newest first). */
const cursor = text().regex(/^[1-9][0-9]{0,17}$/, 'Not a cursor this server gave out; start from the first page');
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const historyParamsSchema = z.strictObject({ recordType: text().max(50), id: z.uuid() });
export const historyQuerySchema = z.strictObject({ limit, cursor: cursor.optional() });
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export const auditQuerySchema = z.strictObject({
  recordType: text().max(50).optional(),
  recordId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  channel: z.enum(auditChannels).optional(),
  /** From this moment (inclusive), ISO date-time. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Before this moment (exclusive), ISO date-time. */
  to: z.iso.datetime({ offset: true }).optional(),
  limit,
  cursor: cursor.optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  apiKeyId: z.uuid().nullable(),
  channel: z.string(),
  recordType: z.string(),
  recordId: z.uuid(),
  /** The record's name now (null once purged). */
  recordName: z.string().nullable(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown(), from: z.string().optional() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /**
   * Display names of what the page's changes point to, keyed `company:<id>`, `contact:<id>` (linked
   * companies, relation fields) or `member:<id>` (owner): null for a record the reader may not see.
   */
  names: z.record(z.string(), z.string().nullable()),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
