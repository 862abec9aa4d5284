import { eq } from 'drizzle-orm';
import { users } from '../src/db/tables.js';
import type { Ctx } from '../src/core/context.js';
import { makeMember, makeWorkspace } from '../src/test-support/fixtures.js';
import type { BenchDb } from './databases.js';
import { clearKept, readMeta, withoutIndexes, writeMeta } from './records-db.js';
import { defineBenchFields } from './records-api.js';
import {
  activityColumns,
  activityLinkColumns,
  activityLines,
  busyContacts,
  companyColumns,
  companyLines,
  contactColumns,
  contactCompanyColumns,
  contactCompanyLines,
  contactLines,
  drawIds,
  type Fields,
  type Shape,
} from './records-generate.js';
import { log } from './options.js';

/** Bump when the generated data changes: a kept database of another version is generated again. */
const generatorVersion = 2;

export interface Loaded {
  generatorVersion: number;
  shape: Shape;
  workspaceId: string;
  ownerId: string;
  fields: Fields;
  /** Contacts with the most activities (a tenth of all between them): the cards the bench opens. */
  busyContactIds: string[];
  /** A company with people, for the company card. */
  companyId: string;
  loadedAt: string;
  loadSeconds: number;
}

/** A service context of the bench workspace's owner. */
export async function ownerCtx(db: BenchDb, loaded: Loaded): Promise<Ctx> {
  const [owner] = await db.handle.db.select().from(users).where(eq(users.id, loaded.ownerId));
  const user = { id: owner!.id, email: owner!.email, name: owner!.name, locale: owner!.locale as 'he' | 'en' };
  return { db: db.handle.db, workspaceId: loaded.workspaceId, role: 'owner', user, apiKeyId: null, actorUserId: owner!.id, channel: 'cli' };
}

/**
 * The bench workspace of this shape: reused from the kept database when it holds the same shape and
 * generator version, else generated again (the old data is truncated first).
 */
export async function ensureLoaded(db: BenchDb, shape: Shape): Promise<{ loaded: Loaded; reused: boolean }> {
  const kept = await readMeta<Loaded>(db);
  if (kept && kept.generatorVersion === generatorVersion && JSON.stringify(kept.shape) === JSON.stringify(shape)) {
    return { loaded: kept, reused: true };
  }
  if (kept) log(`the kept database holds ${JSON.stringify(kept.shape)}; generating ${JSON.stringify(shape)} instead`);
  // Also after a generation that failed half-way (no meta): this database is the bench's alone.
  await clearKept(db);
  const started = performance.now();
  const { workspace, owner, ctx } = await makeWorkspace(db.handle.db);
  const owners = [owner.id];
  for (let i = 0; i < 7; i++) owners.push((await makeMember(db.handle.db, workspace.id, i < 5 ? 'sales' : 'manager')).id);
  const fields = await defineBenchFields(ctx());
  const neighbour = await makeWorkspace(db.handle.db);
  const now = Date.now();
  const ids = drawIds(shape, owners, 1);
  const small = { contacts: Math.round(shape.contacts / 10), companies: Math.round(shape.companies / 10), activities: 0 };
  const neighbourIds = drawIds(small, [neighbour.owner.id], 2);
  await withoutIndexes(db, async (copier) => {
    const timed = async (what: string, target: string, lines: Iterable<string>) => {
      const t0 = performance.now();
      const n = await copier.copy(target, lines);
      const seconds = (performance.now() - t0) / 1000;
      log(`${what}: ${n.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en')}/s)`);
    };
    await timed('companies', `companies ${companyColumns}`, companyLines(workspace.id, ids, now, 1));
    await timed('contacts', `contacts ${contactColumns}`, contactLines(workspace.id, ids, fields, now, 1));
    await timed('contact links', `contact_companies ${contactCompanyColumns}`, contactCompanyLines(workspace.id, ids));
    const t0 = performance.now();
    const [activities, links] = await copier.copyPair([`activities ${activityColumns}`, `activity_links ${activityLinkColumns}`], () =>
      activityLines(workspace.id, ids, shape, now, 1));
    log(`activities and links: ${activities.toLocaleString('en')} and ${links.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await timed('neighbour companies', `companies ${companyColumns}`, companyLines(neighbour.workspace.id, neighbourIds, now, 2));
    await timed('neighbour contacts', `contacts ${contactColumns}`, contactLines(neighbour.workspace.id, neighbourIds, fields, now, 2));
  });
  const companyIndex = ids.contactCompany.find((c) => c >= 0) ?? 0;
  const loaded: Loaded = {
    generatorVersion,
    shape,
    workspaceId: workspace.id,
    ownerId: owner.id,
    fields,
    busyContactIds: ids.contacts.slice(0, Math.min(5, busyContacts(shape))),
    companyId: ids.companies[companyIndex]!,
    loadedAt: new Date().toISOString(),
    loadSeconds: (performance.now() - started) / 1000,
  };
  await writeMeta(db, loaded);
  return { loaded, reused: false };
}
