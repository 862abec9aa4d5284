/**
 * Synthetic records at scale for bench/records.ts, as COPY text lines from a seeded generator (two runs
 * load the same data): companies, contacts with every kind of column and two custom values, their
 * company links, and activities with their links. Streams: nothing but the ids is held in memory.
 */
import { random } from './generate.js';

const day = 86_400_000;
const hebrewFirst = ['נועה', 'תמר', 'מיכל', 'יעל', 'שירה', 'מאיה', 'אביגיל', 'רותם', 'הילה', 'ליאור', 'דוד', 'יוסף', 'משה', 'איתי', 'עומר', 'יונתן'];
const hebrewLast = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'פרידמן', 'מלכה', 'אזולאי', 'כץ', 'גבאי'];
const latinFirst = ['James', 'Mary', 'John', 'Linda', 'David', 'Sarah', 'Michael', 'Emma', 'Daniel', 'Olivia', 'Noah', 'Ava'];
const latinLast = ['Smith', 'Johnson', 'Brown', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Walker', 'Cohen', 'Levy', 'King'];
const cities = ['תל אביב-יפו', 'ירושלים', 'חיפה', 'באר שבע', 'נתניה', 'London', 'New York', 'Berlin'];
const tags = ['vip', 'b2b', 'newsletter', 'north', 'referral', 'trade-show'];
const industries = ['software', 'food', 'real-estate', 'health', 'education', 'retail'];
const sizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'];
const types = ['customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'supplier', 'partner', 'other'];
/** 35% customers, so the stage filter keeps about a third. */
const stages = ['subscriber', 'lead', 'lead', 'lead', 'qualified', 'qualified', 'customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'churned', 'won_back', 'lead', 'lead', 'qualified', 'subscriber', 'churned'];
const kinds = ['call', 'call', 'call', 'email', 'email', 'note', 'note', 'meeting', 'whatsapp', 'sms', 'visit', 'web_form', 'chat', 'social', 'letter', 'fax'];

/** A uuid-shaped id from the seeded generator: four 32-bit draws. */
const hex8 = (next: () => number) => Math.floor(next() * 0x1_0000_0000).toString(16).padStart(8, '0');
export function fastUuid(next: () => number) {
  const a = hex8(next);
  const b = hex8(next);
  const c = hex8(next);
  const d = hex8(next);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes. */
const special = /[\\\t\n\r]/;
const field = (value: string | null) =>
  value === null ? '\\N' : !special.test(value) ? value : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const line = (values: (string | null)[]) => `${values.map(field).join('\t')}\n`;

export interface Shape {
  contacts: number;
  companies: number;
  activities: number;
}

/** The bench's shape from a contact count: the 1M / 200k / 5M, in proportion. */
export const shapeFor = (contacts: number): Shape => ({ contacts, companies: Math.max(1, Math.round(contacts / 5)), activities: contacts * 5 });

export interface Fields {
  /** custom key of the select field and its option ids. */
  select: { key: string; optionIds: string[] };
  /** custom key of the date field. */
  date: string;
}

export interface Ids {
  companies: string[];
  contacts: string[];
  /** Index into `companies` of each contact's primary company, -1 for none. */
  contactCompany: Int32Array;
  owners: string[];
}

export const companyColumns = '(workspace_id, id, name, domain, owner_id, industry, size, city, country, tags, created_at, updated_at)';
export const contactColumns =
  '(workspace_id, id, owner_id, tags, custom, created_by, type, stage, stage_dates, first_name, last_name, email, emails, phone, phones, city, country, company_id, deleted_at, created_at, updated_at)';
export const contactCompanyColumns = '(workspace_id, contact_id, company_id, role, is_primary)';
export const activityColumns = '(workspace_id, id, kind, occurred_at, subject, body, direction, duration_seconds, outcome, created_by, created_at, updated_at)';
export const activityLinkColumns = '(workspace_id, activity_id, record_type, record_id, occurred_at, kind)';

/** Draws the ids first, so contacts can point at companies and activities at both. */
export function drawIds(shape: Shape, owners: string[], seed: number): Ids {
  const next = random(seed * 104_729);
  const companies = Array.from({ length: shape.companies }, () => fastUuid(next));
  const contacts = Array.from({ length: shape.contacts }, () => fastUuid(next));
  const contactCompany = new Int32Array(shape.contacts);
  for (let i = 0; i < shape.contacts; i++) contactCompany[i] = next() < 0.7 ? Math.floor(next() * shape.companies) : -1;
  return { companies, contacts, contactCompany, owners };
}

export function* companyLines(workspaceId: string, ids: Ids, now: number, seed: number) {
  const next = random(seed * 7919);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < ids.companies.length; i++) {
    const created = new Date(now - Math.floor(next() * 1000 * day)).toISOString();
    yield line([workspaceId, ids.companies[i]!, `${pick(latinLast)} ${pick(['Ltd', 'בע"מ', 'Group', 'Tech'])} ${i + 1}`, `company-${seed}-${i + 1}.example.com`, pick(ids.owners), pick(industries), pick(sizes), pick(cities), 'IL', `{${pick(tags)}}`, created, created]);
  }
}

/** The date values: a day in the last ten years, as YYYY-MM-DD. */
const dates = Array.from({ length: 3650 }, (_, i) => new Date(Date.UTC(2016, 0, 1) + i * day).toISOString().slice(0, 10));

export function* contactLines(workspaceId: string, ids: Ids, fields: Fields, now: number, seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Math.floor(next() * 10 ** n).toString().padStart(n, '0');
  for (let i = 0; i < ids.contacts.length; i++) {
    const hebrew = next() < 0.6;
    const firstName = hebrew ? pick(hebrewFirst) : pick(latinFirst);
    const lastName = hebrew ? pick(hebrewLast) : pick(latinLast);
    const email = next() < 0.9 ? `c${i}@example.${hebrew ? 'co.il' : 'com'}` : null;
    const phone = next() < 0.85 ? `+9725${digits(8)}` : null;
    const created = new Date(now - Math.floor(next() * 1000 * day)).toISOString();
    const stage = pick(stages);
    const custom: Record<string, string> = {};
    if (next() < 0.95) custom[fields.select.key] = pick(fields.select.optionIds);
    if (next() < 0.9) custom[fields.date] = pick(dates);
    const company = ids.contactCompany[i]!;
    yield line([
      workspaceId, ids.contacts[i]!, pick(ids.owners), next() < 0.3 ? `{${pick(tags)}}` : '{}', JSON.stringify(custom), ids.owners[0]!,
      pick(types), stage, JSON.stringify({ [stage]: created }), firstName, lastName,
      email, email ? JSON.stringify([{ value: email, label: 'work', primary: true }]) : '[]',
      phone, phone ? JSON.stringify([{ value: phone, label: 'mobile', primary: true }]) : '[]',
      pick(cities), 'IL', company >= 0 ? ids.companies[company]! : null, next() < 0.01 ? created : null, created, created,
    ]);
  }
}

export function* contactCompanyLines(workspaceId: string, ids: Ids) {
  for (let i = 0; i < ids.contacts.length; i++) {
    const company = ids.contactCompany[i]!;
    if (company >= 0) yield line([workspaceId, ids.contacts[i]!, ids.companies[company]!, i % 3 === 0 ? 'buyer' : null, 't']);
  }
}

/** Contacts that get a tenth of all activities between them: the busy cards the bench opens. */
export const busyContacts = (shape: Shape) => Math.max(1, Math.min(1000, Math.floor(shape.contacts / 1000)));

/**
 * `shape.activities` activities over two years, each linked to a contact (one in ten to a busy one)
 * and half of them to the contact's company too. Yields [activity line, link lines].
 */
export function* activityLines(workspaceId: string, ids: Ids, shape: Shape, now: number, seed: number): Generator<[string, string]> {
  const next = random(seed * 31);
  const busy = busyContacts(shape);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // Formatting a date is most of the cost of a line: draw from 100,000 instants over two years instead.
  const instants = Array.from({ length: 100_000 }, () => new Date(now - Math.floor(next() * 730 * day)).toISOString());
  for (let i = 0; i < shape.activities; i++) {
    const contact = next() < 0.1 ? Math.floor(next() * busy) : Math.floor(next() * ids.contacts.length);
    const kind = pick(kinds);
    const at = pick(instants);
    const id = fastUuid(next);
    const call = kind === 'call';
    const activity = line([workspaceId, id, kind, at, `${kind} ${i}`, next() < 0.5 ? 'Asked us to call back next week.' : null, call ? pick(['in', 'out']) : null, call ? String(Math.floor(next() * 1800)) : null, call ? pick(['answered', 'no_answer', 'voicemail']) : null, pick(ids.owners), at, at]);
    let links = line([workspaceId, id, 'contact', ids.contacts[contact]!, at, kind]);
    const company = ids.contactCompany[contact]!;
    if (company >= 0 && next() < 0.5) links += line([workspaceId, id, 'company', ids.companies[company]!, at, kind]);
    yield [activity, links];
  }
}
