import { fakerEN, fakerHE } from '@faker-js/faker';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { companies, contacts, workspaces } from '../db/tables.js';
import { normalisePhone } from '../domain/contacts/service.js';
import { demoPassword } from '../domain/users/published-passwords.js';
import { createUser, findUserByEmail, toUser } from '../domain/users/service.js';
import { addMember, createWorkspace, setLastWorkspace } from '../domain/workspaces/service.js';
import type { Role } from '../domain/workspaces/schema.js';

export const demoLogin = { email: 'demo@kesher.dev', password: demoPassword } as const;
// The demo accounts are the only ones allowed the published password.
const demoPolicy = { allowPublished: true };
export const demoSlug = 'demo';

export interface SeedOptions {
  /** How many contacts; default 300. */
  contacts?: number;
  /** Called after each batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

const colleagues: { email: string; name: string; role: Role; locale: 'he' | 'en' }[] = [
  { email: 'noa@kesher.dev', name: 'נועה לוי', role: 'manager', locale: 'he' },
  { email: 'yossi@kesher.dev', name: 'יוסי מזרחי', role: 'sales', locale: 'he' },
  { email: 'emma@kesher.dev', name: 'Emma Clarke', role: 'service', locale: 'en' },
  { email: 'viewer@kesher.dev', name: 'Read Only', role: 'viewer', locale: 'en' },
];

const israeliMobile = (i: number) => `05${[0, 2, 3, 4, 8][i % 5]}-${fakerHE.string.numeric(7)}`;
const international = ['+1 212 555 01', '+44 20 7946 0', '+49 30 9018 2', '+33 1 84 88 0', '+1 415 555 01'];

function demoPerson(i: number) {
  const hebrew = i % 5 < 3; // three in five are Israeli, in Hebrew
  const faker = hebrew ? fakerHE : fakerEN;
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const rawPhone = hebrew
    ? i % 4 === 0 ? fakerHE.phone.number() : israeliMobile(i)
    : `${international[i % international.length]}${fakerEN.string.numeric(international[i % international.length]!.startsWith('+1') ? 2 : 3)}`;
  const emailName = hebrew ? fakerEN.person.firstName().toLowerCase() : firstName.toLowerCase().replace(/[^a-z]/g, '');
  return {
    firstName,
    lastName,
    email: i % 7 === 6 ? null : `${emailName}.${i}@${hebrew ? 'example.co.il' : 'example.com'}`,
    phone: i % 9 === 8 ? null : (normalisePhone(rawPhone) ?? null),
  };
}

/**
 * Creates the demo workspace: the demo owner and colleagues in every role, Israeli and international
 * companies, and people with Hebrew and English names and phones. Repeatable: the same data each time.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}) {
  const total = options.contacts ?? 300;
  const [existing] = await db.select().from(workspaces).where(eq(workspaces.slug, demoSlug));
  if (existing) return { workspace: existing, login: demoLogin, created: false };
  fakerHE.seed(2026);
  fakerEN.seed(2026);

  const found = await findUserByEmail(db, demoLogin.email);
  const owner = found ? toUser(found) : await createUser(db, { name: 'Demo Owner', locale: 'he', ...demoLogin }, demoPolicy);
  const workspace = await createWorkspace({ db, user: owner }, { name: 'קשר — הדגמה', slug: demoSlug, defaultLocale: 'he' });
  for (const { role, ...colleague } of colleagues) {
    const user = (await findUserByEmail(db, colleague.email)) ?? (await createUser(db, { ...colleague, password: demoLogin.password }, demoPolicy));
    // Demo colleagues have "used" the demo already: their login lands there, with no "you were added" notice.
    await addMember(db, workspace.id, user.id, role, { seen: true });
    await setLastWorkspace(db, user.id, workspace.id);
  }

  const companyNames = [
    ...Array.from({ length: 12 }, () => fakerHE.company.name()),
    ...Array.from({ length: 8 }, () => fakerEN.company.name()),
  ];
  const companyRows = await db
    .insert(companies)
    .values(companyNames.map((name, i) => ({ workspaceId: workspace.id, name, domain: `company${i + 1}.example` })))
    .returning({ id: companies.id });

  const batch = 500;
  for (let done = 0; done < total; done += batch) {
    const rows = Array.from({ length: Math.min(batch, total - done) }, (_, k) => {
      const i = done + k;
      return {
        ...demoPerson(i),
        workspaceId: workspace.id,
        companyId: i % 3 === 2 ? null : companyRows[i % companyRows.length]!.id,
        createdBy: owner.id,
      };
    });
    await db.insert(contacts).values(rows);
    options.onProgress?.(Math.min(done + batch, total), total);
  }
  return { workspace, login: demoLogin, created: true };
}
