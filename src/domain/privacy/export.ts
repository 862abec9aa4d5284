import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { activities, activityLinks } from '../activities/table.js';
import { auditLog } from '../audit/table.js';
import { companies } from '../companies/table.js';
import { contactCompanies } from '../contacts/table.js';
import { customFieldsOf } from '../custom-fields/service.js';
import { users } from '../users/table.js';
import { consentHistory } from './consents.js';
import { privacyContact, requirePrivacyOfficer } from './contact.js';
import type { Consent } from './schema.js';

/** Bump when the shape changes; consumers check it. */
export const exportFormatVersion = 1;

// A type, not an interface: the route's JSON schema wants an index signature.
export type SubjectAccessExport = {
  format: 'kesher.subject-access';
  version: number;
  exportedAt: string;
  workspaceId: string;
  contact: Record<string, unknown>;
  customFields: { key: string; labelHe: string; labelEn: string; type: string; value: unknown }[];
  companies: { companyId: string; name: string; role: string | null; isPrimary: boolean }[];
  activities: Record<string, unknown>[];
  consents: Consent[];
  audit: { at: string; actorName: string | null; channel: string; action: string; changes: unknown }[];
  /** Merges and duplicate decisions involving the person (empty until those parts keep them). */
  merges: unknown[];
  duplicateDecisions: unknown[];
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Everything Kesher holds about one person (a subject-access request under Amendment 13 and GDPR
 * art. 15), for owners, admins and managers; the export itself is audited (action "export").
 */
export async function exportContact(ctx: Ctx, id: string): Promise<SubjectAccessExport> {
  requirePrivacyOfficer(ctx, 'managers');
  const ws = ctx.workspaceId;
  const row = await privacyContact(ctx.db, ctx, id);
  const { searchText: _search, sortName: _sort, workspaceId: _ws, custom, ...record } = row;
  const fields = await customFieldsOf(ctx, 'contact');
  const links = await ctx.db
    .select({ companyId: contactCompanies.companyId, name: companies.name, role: contactCompanies.role, isPrimary: contactCompanies.isPrimary })
    .from(contactCompanies)
    .innerJoin(companies, and(eq(companies.workspaceId, contactCompanies.workspaceId), eq(companies.id, contactCompanies.companyId)))
    .where(and(eq(contactCompanies.workspaceId, ws), eq(contactCompanies.contactId, id)));
  const linked = await ctx.db
    .select({ a: activities })
    .from(activityLinks)
    .innerJoin(activities, and(eq(activities.workspaceId, activityLinks.workspaceId), eq(activities.id, activityLinks.activityId)))
    .where(and(eq(activityLinks.workspaceId, ws), eq(activityLinks.recordType, 'contact'), eq(activityLinks.recordId, id), sql`${activityLinks.kind} <> 'system'`))
    .orderBy(asc(activityLinks.occurredAt));
  const audit = await ctx.db
    .select({ at: auditLog.at, actorName: users.name, channel: auditLog.channel, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.workspaceId, ws), eq(auditLog.recordType, 'contact'), eq(auditLog.recordId, id)))
    .orderBy(asc(auditLog.id));
  await ctx.db.insert(auditLog).values({ workspaceId: ws, actorUserId: ctx.actorUserId, apiKeyId: ctx.apiKeyId, channel: ctx.channel, recordType: 'contact', recordId: id, action: 'export', changes: [] });
  return {
    format: 'kesher.subject-access',
    version: exportFormatVersion,
    exportedAt: new Date().toISOString(),
    workspaceId: ws,
    contact: { ...record, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), deletedAt: iso(row.deletedAt), erasedAt: iso(row.erasedAt) },
    customFields: fields.filter((f) => custom[f.key] !== undefined).map((f) => ({ key: f.key, labelHe: f.labelHe, labelEn: f.labelEn, type: f.type, value: custom[f.key] })),
    companies: links,
    activities: linked.map(({ a }) => ({
      id: a.id,
      kind: a.kind,
      occurredAt: iso(a.occurredAt),
      subject: a.subject,
      body: a.body,
      direction: a.direction,
      durationSeconds: a.durationSeconds,
      outcome: a.outcome,
      location: a.location,
      endsAt: iso(a.endsAt),
      recordingUrl: a.recordingUrl,
      deletedAt: iso(a.deletedAt),
    })),
    consents: await consentHistory(ctx.db, ws, id),
    audit: audit.map((e) => ({ ...e, at: iso(e.at)! })),
    // The parts that keep merges and duplicate decisions land separately; their rows join here when they do.
    merges: [],
    duplicateDecisions: [],
  };
}
