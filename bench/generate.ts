/**
 * Synthetic contacts for benchmarks: Hebrew and English names, emails and E.164 phones, as COPY text
 * rows. Deterministic (a seeded generator), so two runs load the same data.
 */
const hebrewFirst = ['נועה', 'תמר', 'מיכל', 'יעל', 'שירה', 'מאיה', 'אביגיל', 'רותם', 'הילה', 'ליאור', 'דוד', 'יוסף', 'משה', 'אברהם', 'איתי', 'עומר', 'יונתן', 'אורי', 'נועם', 'אריאל'];
const hebrewLast = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'פרידמן', 'מלכה', 'אזולאי', 'כץ', 'יוסף', 'דוד', 'עמר', 'אוחיון', 'חדד', 'גבאי', 'בן דוד', 'שפירא', 'רוזנברג'];
const latinFirst = ['James', 'Mary', 'John', 'Linda', 'David', 'Sarah', 'Michael', 'Emma', 'Daniel', 'Olivia', 'Noah', 'Sophia', 'Liam', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Chloe', 'Adam', 'Grace'];
const latinLast = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Cohen', 'Levy'];
const transliterated = ['noa', 'tamar', 'michal', 'yael', 'shira', 'maya', 'avigail', 'rotem', 'hila', 'lior', 'david', 'yosef', 'moshe', 'avraham', 'itai', 'omer', 'yonatan', 'uri', 'noam', 'ariel'];
const mobilePrefixes = ['50', '52', '53', '54', '58'];

/** mulberry32: tiny seeded PRNG. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

export function* generateContacts(count: number, seed = 1): Generator<GeneratedContact> {
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
    yield { firstName, lastName, email, phone };
  }
}

/** PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes. */
const field = (value: string | null) =>
  value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

export const copyColumns = '(workspace_id, first_name, last_name, email, phone)';

export function copyLine(workspaceId: string, contact: GeneratedContact) {
  return `${workspaceId}\t${field(contact.firstName)}\t${field(contact.lastName)}\t${field(contact.email)}\t${field(contact.phone)}\n`;
}
