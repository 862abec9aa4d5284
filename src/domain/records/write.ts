import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound, type FieldError } from '../../core/errors.js';
import { queryRows, type Db } from '../../db/client.js';
import { normalisePhone } from '../contacts/phone.js';
import { users } from '../users/table.js';
import { memberships } from '../workspaces/table.js';
import type { LabelledValue } from './columns.js';
import type { RecordType } from './registry.js';
import { canSeeOwner, type Visibility } from './visibility.js';

/** What the write path needs of any record's row, whatever its type. */
export interface RecordHead {
  id: string;
  ownerId: string | null;
  version: number;
  updatedBy: string | null;
  deletedAt: Date | null;
  name: string;
}

export const invalid = (fields: FieldError[]) => new AppError('validation_failed', 'Request is not valid', { fields });

export function requireVersion(version: number | undefined): number {
  if (version === undefined) {
    throw new AppError('validation_failed', 'Send the version you edited (body.version or If-Match)', {
      fields: [{ path: 'version', message: 'Required' }],
    });
  }
  return version;
}

/**
 * Locks the heads of records of one type (FOR UPDATE, in the caller's transaction), so two writers
 * of one record run one after the other and the second sees the first's version.
 */
export async function lockHeads(tx: Db, ctx: Ctx, type: RecordType, ids: string[], options: { deleted: boolean }): Promise<Map<string, RecordHead>> {
  if (ids.length === 0) return new Map();
  const t = type.table;
  const rows = await queryRows<{ id: string; owner_id: string | null; version: number; updated_by: string | null; deleted_at: string | Date | null; name: string | null }>(
    tx,
    sql`select ${t.id} as id, ${t.ownerId} as owner_id, ${t.version} as version, ${t.updatedBy} as updated_by,
          ${t.deletedAt} as deleted_at, ${type.displayName} as name
        from ${t}
        where ${t.workspaceId} = ${ctx.workspaceId} and ${inArray(t.id, ids)}
          and ${t.deletedAt} ${options.deleted ? sql`is not null` : sql`is null`}
        for update`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        ownerId: r.owner_id,
        version: Number(r.version),
        updatedBy: r.updated_by,
        deletedAt: r.deleted_at === null ? null : new Date(r.deleted_at),
        name: r.name ?? '',
      },
    ]),
  );
}

/** The one head a write needs: missing, deleted or invisible records are a 404 (never a hint they exist). */
export function visibleHead(heads: Map<string, RecordHead>, id: string, visibility: Visibility, what: string): RecordHead {
  const head = heads.get(id);
  if (!head || !canSeeOwner(visibility, head.ownerId)) throw notFound(what);
  return head;
}

/** A 409 that says who changed the record since the client read it, so the web can show "changed by X". */
export async function versionConflict(db: Db, head: Pick<RecordHead, 'version' | 'updatedBy'>, what: string): Promise<AppError> {
  const [user] = head.updatedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, head.updatedBy)) : [];
  return new AppError('version_conflict', `Someone else changed this ${what.toLowerCase()}; reload and try again`, {
    currentVersion: head.version,
    updatedBy: head.updatedBy,
    updatedByName: user?.name ?? null,
  });
}

export async function checkVersion(db: Db, head: RecordHead, version: number | undefined, what: string) {
  if (version !== undefined && head.version !== version) throw await versionConflict(db, head, what);
}

/** An owner must be a member of the workspace; anything else is a 400 naming the field. */
export async function requireMember(db: Db, ctx: Ctx, userId: string | null | undefined, path = 'ownerId') {
  if (!userId) return;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  if (!row) throw invalid([{ path, message: 'Not a member of this workspace' }]);
}

/** Phones of an input list in E.164, or a 400 naming the bad one (`phones.2.value`). */
export function normalisePhones(phones: LabelledValue[], path = 'phones'): LabelledValue[] {
  const errors: FieldError[] = [];
  const normalised = phones.map((phone, i) => {
    const e164 = normalisePhone(phone.value);
    if (!e164) errors.push({ path: `${path}.${i}.value`, message: 'Not a valid phone number' });
    return { ...phone, value: e164 ?? phone.value };
  });
  if (errors.length > 0) throw invalid(errors);
  return normalised;
}

export function normaliseShortcutPhone(phone: string, path = 'phone'): string {
  const e164 = normalisePhone(phone);
  if (!e164) throw invalid([{ path, message: 'Not a valid phone number' }]);
  return e164;
}

/**
 * The list after a primary-value shortcut (`email`, `phone`): a value replaces the primary one (or
 * becomes primary), null removes the primary one and the next becomes primary.
 */
export function withPrimary(list: LabelledValue[], value: string | null): LabelledValue[] {
  const rest = list.filter((item) => !item.primary && item.value !== value);
  if (value === null) return rest.map((item, i) => ({ ...item, primary: i === 0 }));
  const label = list.find((item) => item.primary)?.label ?? 'work';
  return [{ value, label, primary: true }, ...rest].slice(0, 20);
}

/** The primary value of a list, for the column kept beside it. */
export const primaryOf = (list: LabelledValue[]) => list.find((item) => item.primary)?.value ?? null;

/** Field changes of custom values, one per key, as `custom.<key>`. */
export function customChanges(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => ({ field: `custom.${key}`, old: before[key] ?? null, new: after[key] ?? null }));
}
