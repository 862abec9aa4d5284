import { fakerEN, fakerHE } from '@faker-js/faker';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { activities, activityLinks, companies, contactCompanies, contacts, customFields, teamMembers, teams, workspaces } from '../db/tables.js';
import type { FieldOption } from '../domain/custom-fields/table.js';
import { demoPassword } from '../domain/users/published-passwords.js';
import { createUser, findUserByEmail, toUser } from '../domain/users/service.js';
import { addMember, createWorkspace, setLastWorkspace } from '../domain/workspaces/service.js';
import type { Role } from '../domain/workspaces/schema.js';
import { AppError } from '../core/errors.js';
import { demoActivities, demoCompanies, demoContacts, type DemoFieldKeys, type DemoMembers } from './seed-demo-data.js';
import { creationChanges, insertAll, recordCreations } from './seed-demo-write.js';

export const demoLogin = { email: 'demo@kesher.dev', password: demoPassword } as const;
// The demo accounts are the only ones allowed the published password.
const demoPolicy = { allowPublished: true };
export const demoSlug = 'demo';

export interface SeedOptions {
  /** How many contacts; default 2,000, with a company per ~7 contacts and ten activities per contact. */
  contacts?: number;
  /** Called as rows are written with (done, total), in rows of every table. */
  onProgress?: (done: number, total: number) => void;
}

const colleagues: { email: string; name: string; role: Role; locale: 'he' | 'en' }[] = [
  { email: 'noa@kesher.dev', name: 'נועה לוי', role: 'manager', locale: 'he' },
  { email: 'yossi@kesher.dev', name: 'יוסי מזרחי', role: 'sales', locale: 'he' },
  { email: 'emma@kesher.dev', name: 'Emma Clarke', role: 'service', locale: 'en' },
  { email: 'viewer@kesher.dev', name: 'Read Only', role: 'viewer', locale: 'en' },
];

/** A sales rep sees their own customers, a manager their team's; everyone else sees all. */
const demoVisibility = { sales: 'own', manager: 'team' } as const;

const option = (id: string, labelHe: string, labelEn: string, color: string, position: number): FieldOption => ({ id, labelHe, labelEn, color, position, archived: false });

/** The demo's custom fields; keys and option ids are fixed so the demo is the same on every run. */
function demoFields(): { rows: Omit<typeof customFields.$inferInsert, 'workspaceId'>[]; keys: DemoFieldKeys } {
  const source = [
    option('b3c1e0a2-0001-4000-a000-000000000001', 'פייסבוק', 'Facebook', '#1c7ed6', 0),
    option('b3c1e0a2-0001-4000-a000-000000000002', 'גוגל', 'Google', '#f59f00', 1),
    option('b3c1e0a2-0001-4000-a000-000000000003', 'המלצה', 'Referral', '#37b24d', 2),
    option('b3c1e0a2-0001-4000-a000-000000000004', 'כנס', 'Trade show', '#ae3ec9', 3),
    option('b3c1e0a2-0001-4000-a000-000000000005', 'אתר', 'Website', '#495057', 4),
  ];
  const interest = [
    option('b3c1e0a2-0002-4000-a000-000000000001', 'ביטוח', 'Insurance', '#1098ad', 0),
    option('b3c1e0a2-0002-4000-a000-000000000002', 'השקעות', 'Investments', '#2f9e44', 1),
    option('b3c1e0a2-0002-4000-a000-000000000003', 'משכנתאות', 'Mortgages', '#e8590c', 2),
    option('b3c1e0a2-0002-4000-a000-000000000004', 'פנסיה', 'Pensions', '#7048e8', 3),
  ];
  const channel = [
    option('b3c1e0a2-0003-4000-a000-000000000001', 'ישיר', 'Direct', '#1c7ed6', 0),
    option('b3c1e0a2-0003-4000-a000-000000000002', 'משווקים', 'Resellers', '#f08c00', 1),
    option('b3c1e0a2-0003-4000-a000-000000000003', 'מקוון', 'Online', '#37b24d', 2),
  ];
  const rows = [
    { recordType: 'contact', key: 'cf_source', labelHe: 'מקור הגעה', labelEn: 'Lead source', type: 'select', options: source, position: 0 },
    { recordType: 'contact', key: 'cf_interest', labelHe: 'תחום עניין', labelEn: 'Area of interest', type: 'select', options: interest, position: 1 },
    { recordType: 'contact', key: 'cf_anniversary', labelHe: 'תאריך יום נישואין', labelEn: 'Wedding anniversary', type: 'date', position: 2 },
    { recordType: 'contact', key: 'cf_value', labelHe: 'שווי לקוח שנתי', labelEn: 'Annual customer value', type: 'money', config: { currency: 'ILS' }, position: 3 },
    { recordType: 'company', key: 'cf_revenue', labelHe: 'מחזור שנתי', labelEn: 'Annual revenue', type: 'money', config: { currency: 'ILS' }, position: 0 },
    { recordType: 'company', key: 'cf_channel', labelHe: 'ערוץ מכירה', labelEn: 'Sales channel', type: 'select', options: channel, position: 1 },
  ];
  const ids = (options: FieldOption[]) => options.map((o) => o.id);
  return {
    rows,
    keys: {
      source: { key: 'cf_source', optionIds: ids(source) },
      interest: { key: 'cf_interest', optionIds: ids(interest) },
      anniversary: 'cf_anniversary',
      value: 'cf_value',
      revenue: 'cf_revenue',
      channel: { key: 'cf_channel', optionIds: ids(channel) },
    },
  };
}

/**
 * Creates the demo workspace: the demo owner and colleagues in every role, two teams, a visibility
 * setting, custom fields, Israeli and international companies and people with Hebrew and English names,
 * their links, two years of activities, and the 'created' history of every record. One transaction, so
 * an interrupted seed leaves nothing behind; repeatable: the same data each time, and a second run
 * finds the workspace and changes nothing.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}) {
  const total = options.contacts ?? 2000;
  const existing = async () => (await db.select().from(workspaces).where(eq(workspaces.slug, demoSlug)))[0];
  const found = await existing();
  if (found) return { workspace: found, login: demoLogin, created: false };
  fakerHE.seed(2026);
  fakerEN.seed(2027); // not the same seed as fakerHE: the two would draw the same ids
  try {
    const workspace = await db.transaction((tx) => seedWorkspace(tx, total, options.onProgress));
    return { workspace, login: demoLogin, created: true };
  } catch (error) {
    // Another process seeded it meanwhile (the slug is unique): that one's demo stands.
    const raced = error instanceof AppError && error.code === 'conflict' ? await existing() : undefined;
    if (raced) return { workspace: raced, login: demoLogin, created: false };
    throw error;
  }
}

async function seedWorkspace(db: Db, total: number, onProgress?: (done: number, total: number) => void) {
  const found = await findUserByEmail(db, demoLogin.email);
  const owner = found ? toUser(found) : await createUser(db, { name: 'Demo Owner', locale: 'he', ...demoLogin }, demoPolicy);
  const workspace = await createWorkspace({ db, user: owner }, { name: 'קשר — הדגמה', slug: demoSlug, defaultLocale: 'he' });
  const member: Record<string, string> = { owner: owner.id };
  for (const { role, ...colleague } of colleagues) {
    const user = (await findUserByEmail(db, colleague.email)) ?? (await createUser(db, { ...colleague, password: demoLogin.password }, demoPolicy));
    // Demo colleagues have "used" the demo already: their login lands there, with no "you were added" notice.
    await addMember(db, workspace.id, user.id, role, { seen: true });
    await setLastWorkspace(db, user.id, workspace.id);
    member[role] = user.id;
  }
  const workspaceId = workspace.id;
  const [north, enterprise] = await db
    .insert(teams)
    .values([{ workspaceId, name: 'צוות צפון' }, { workspaceId, name: 'Enterprise' }])
    .returning({ id: teams.id });
  await db.insert(teamMembers).values([
    { workspaceId, teamId: north!.id, userId: member.manager! },
    { workspaceId, teamId: north!.id, userId: member.sales! },
    { workspaceId, teamId: enterprise!.id, userId: member.owner! },
    { workspaceId, teamId: enterprise!.id, userId: member.service! },
  ]);
  await db.update(workspaces).set({ recordVisibility: demoVisibility }).where(eq(workspaces.id, workspaceId));
  const fields = demoFields();
  await db.insert(customFields).values(fields.rows.map((row) => ({ ...row, workspaceId })));

  const now = Date.now();
  const members: DemoMembers = {
    ownerId: owner.id,
    weighted: [
      { userId: member.sales!, weight: 35 },
      { userId: member.manager!, weight: 20 },
      { userId: member.service!, weight: 15 },
      { userId: owner.id, weight: 20 },
      { userId: null, weight: 10 },
    ],
  };
  const companyRows = demoCompanies(Math.max(1, Math.round(total * 0.15)), members, fields.keys, now);
  const { contacts: contactRows, links } = demoContacts(total, companyRows, members, fields.keys, now);
  const activityRows = demoActivities(total * 10, contactRows, links, owner.id, now);
  const records = companyRows.length + contactRows.length;
  const rowsToWrite = records * 2 + links.length + activityRows.length * 2;
  let done = 0;
  const progress = (n: number) => onProgress?.((done += n), rowsToWrite);

  const stamp = (createdAt: Date) => ({ workspaceId, createdBy: owner.id, updatedBy: owner.id, createdAt, updatedAt: createdAt });
  await insertAll(db, companies, companyRows.map(({ hebrew: _, ...c }) => ({ ...c, ...stamp(c.createdAt) })), progress);
  await insertAll(db, contacts, contactRows.map((c) => ({ ...c, ...stamp(c.createdAt) })), progress);
  await insertAll(db, contactCompanies, links.map((l) => ({ ...l, workspaceId })), progress);
  await insertAll(
    db,
    activities,
    activityRows.map(({ links: _, ...a }) => ({ ...a, workspaceId, createdAt: a.occurredAt, updatedAt: a.occurredAt })),
    progress,
  );
  await insertAll(
    db,
    activityLinks,
    activityRows.flatMap((a) => a.links.map((l) => ({ ...l, workspaceId, activityId: a.id, occurredAt: a.occurredAt, kind: a.kind }))),
  );
  progress(activityRows.length);

  const created = [
    ...companyRows.map((c) => ({
      recordType: 'company' as const,
      recordId: c.id,
      ownerId: c.ownerId,
      createdAt: c.createdAt,
      changes: creationChanges({ name: c.name, domain: c.domain, industry: c.industry, size: c.size, ownerId: c.ownerId }),
    })),
    ...contactRows.map((c) => ({
      recordType: 'contact' as const,
      recordId: c.id,
      ownerId: c.ownerId,
      createdAt: c.createdAt,
      changes: creationChanges({ firstName: c.firstName, lastName: c.lastName, type: c.type, stage: c.stage, ownerId: c.ownerId, email: c.email, phone: c.phone, companyId: c.companyId }),
    })),
  ];
  await recordCreations(db, { workspaceId, actorUserId: owner.id }, created, () => fakerEN.string.uuid(), progress);
  return { ...workspace, recordVisibility: demoVisibility };
}
