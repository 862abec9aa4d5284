/**
 * Synthetic CRM data for benchmarks: companies, and contacts with Hebrew and English names, emails and
 * E.164 phones, as COPY text rows. Deterministic (a seeded generator), so two runs load the same data.
 */
const hebrewFirst = ['נועה', 'תמר', 'מיכל', 'יעל', 'שירה', 'מאיה', 'אביגיל', 'רותם', 'הילה', 'ליאור', 'דוד', 'יוסף', 'משה', 'אברהם', 'איתי', 'עומר', 'יונתן', 'אורי', 'נועם', 'אריאל'];
const hebrewLast = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'פרידמן', 'מלכה', 'אזולאי', 'כץ', 'יוסף', 'דוד', 'עמר', 'אוחיון', 'חדד', 'גבאי', 'בן דוד', 'שפירא', 'רוזנברג'];
const latinFirst = ['James', 'Mary', 'John', 'Linda', 'David', 'Sarah', 'Michael', 'Emma', 'Daniel', 'Olivia', 'Noah', 'Sophia', 'Liam', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Chloe', 'Adam', 'Grace'];
const latinLast = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Cohen', 'Levy'];
const transliterated = ['noa', 'tamar', 'michal', 'yael', 'shira', 'maya', 'avigail', 'rotem', 'hila', 'lior', 'david', 'yosef', 'moshe', 'avraham', 'itai', 'omer', 'yonatan', 'uri', 'noam', 'ariel'];
const companyWords = ['אלפא', 'גלבוע', 'כרמל', 'ים', 'Orion', 'Nova', 'Delta', 'Cedar', 'Blue', 'Apex', 'תבור', 'Atlas'];
const companyKinds = ['בע"מ', 'Ltd', 'Tech', 'Systems', 'סחר', 'Labs', 'Group', 'שיווק'];
const mobilePrefixes = ['50', '52', '53', '54', '58'];

/** mulberry32: tiny seeded PRNG. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID from the seeded generator (crypto.randomUUID would make runs differ). */
function uuid(next: () => number) {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export interface GeneratedCompany {
  id: string;
  name: string;
  domain: string;
}

export function generateCompanies(count: number, seed = 1): GeneratedCompany[] {
  const next = random(seed * 7919);
  return Array.from({ length: count }, (_, i) => {
    const name = `${companyWords[Math.floor(next() * companyWords.length)]} ${companyKinds[Math.floor(next() * companyKinds.length)]} ${i + 1}`;
    return { id: uuid(next), name, domain: `company-${seed}-${i + 1}.example.com` };
  });
}

export interface GeneratedContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  companyId: string | null;
  deleted: boolean;
}

/** 60% Hebrew names, 90% with an email, 85% with a phone, 60% at a company, 1% soft-deleted. */
export function* generateContacts(count: number, companyIds: readonly string[], seed = 1): Generator<GeneratedContact> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  for (let i = 0; i < count; i++) {
    const hebrew = next() < 0.6;
    const first = hebrew ? Math.floor(next() * hebrewFirst.length) : -1;
    const firstName = hebrew ? hebrewFirst[first]! : pick(latinFirst);
    const lastName = hebrew ? pick(hebrewLast) : pick(latinLast);
    const local = hebrew ? transliterated[first]! : firstName.toLowerCase();
    const email = next() < 0.9 ? `${local}.${i}@example.${hebrew ? 'co.il' : 'com'}` : null;
    const phone = next() < 0.85 ? (hebrew || next() < 0.5 ? `+972${pick(mobilePrefixes)}${digits(7)}` : `+1415${digits(7)}`) : null;
    const companyId = companyIds.length > 0 && next() < 0.6 ? pick(companyIds) : null;
    yield { firstName, lastName, email, phone, companyId, deleted: next() < 0.01 };
  }
}

/** PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes. */
const field = (value: string | null) =>
  value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

export const companyCopyColumns = '(workspace_id, id, name, domain)';

export const companyLine = (workspaceId: string, company: GeneratedCompany) =>
  `${workspaceId}\t${company.id}\t${field(company.name)}\t${company.domain}\n`;

/** The generated columns (sort_name, search_text) are left to the database. */
export const contactCopyColumns = '(workspace_id, first_name, last_name, email, phone, company_id, deleted_at)';

export function contactLine(workspaceId: string, contact: GeneratedContact) {
  const values = [contact.firstName, contact.lastName, contact.email, contact.phone, contact.companyId];
  return `${workspaceId}\t${values.map(field).join('\t')}\t${contact.deleted ? '2026-01-01 00:00:00+00' : '\\N'}\n`;
}
