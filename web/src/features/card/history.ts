import { z } from 'zod';
import { request } from '../../app/api.js';

/** An audit entry: the History tab of a card and the admin's audit log both show these. */
export const auditEntrySchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  at: z.string(),
  actorUserId: z.string().nullish(),
  actorName: z.string().nullish(),
  apiKeyId: z.string().nullish(),
  channel: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  recordName: z.string().nullish(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })).nullish(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `names`: what the page's changes point to (`company:<id>` → "Acme"; null when hidden from the reader). */
const pageSchema = z.object({
  items: z.array(auditEntrySchema),
  names: z.record(z.string(), z.string().nullable()).default({}),
  nextCursor: z.string().nullish(),
});

/** All the names the loaded pages carry. */
export const namesOfPages = (pages: { names: Record<string, string | null> }[]) => Object.assign({}, ...pages.map((p) => p.names)) as Record<string, string | null>;

export const historyKey = (recordType: string, id: string) => ['history', recordType, id] as const;

export const fetchHistory = (recordType: string, id: string, cursor: string | undefined, signal?: AbortSignal) =>
  request(`/api/history/${recordType}/${id}`, { query: { cursor }, schema: pageSchema, signal });

export interface AuditFilters {
  recordType?: string;
  actorUserId?: string;
  action?: string;
  channel?: string;
  from?: string;
  to?: string;
}

export const fetchAudit = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  request('/api/audit', { query: { ...filters, cursor, limit: 50 }, schema: pageSchema, signal });
