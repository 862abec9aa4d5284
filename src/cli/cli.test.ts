import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb, queryRows } from '../db/client.js';
import { contacts, memberships, workspaces } from '../db/tables.js';
import { useTestDb } from '../test-support/db.js';
import { seedDemo } from './seed-demo.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'kesher-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `kesher …` from source on the test database (PostgreSQL run) or a PGlite data dir of its own. */
function kesher(...args: string[]) {
  const env = { ...process.env, KESHER_DATA_DIR: dataDir, DATABASE_URL: process.env.KESHER_TEST_DATABASE_URL ?? '' };
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('kesher CLI', () => {
  const stamp = Date.now();
  const email = `cli-${stamp}@example.test`;
  const slug = `cli-${stamp}`;

  test('creates a user, a workspace it owns, and a second member; refuses bad input with a message', async () => {
    const migrated = await kesher('migrate');
    expect(migrated.stdout).toContain('Migrations applied');
    const user = await kesher('user', 'create', '--email', email, '--name', 'CLI Owner', '--password', 'a-long-password');
    expect(user.stdout).toContain(`User ${email} created`);
    const workspace = await kesher('workspace', 'create', '--name', 'CLI Co', '--slug', slug, '--owner', email);
    expect(workspace.stdout).toContain(`Workspace CLI Co (${slug}) created`);
    const member = await kesher('user', 'create', '--email', `m-${email}`, '--name', 'Rep', '--password', 'a-long-password', '--workspace', slug, '--role', 'sales');
    expect(member.stdout).toContain(`Added to ${slug} as sales`);

    const short = await kesher('user', 'create', '--email', `x-${email}`, '--name', 'X', '--password', 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password');
    const common = await kesher('user', 'create', '--email', `z-${email}`, '--name', 'Z', '--password', 'password1234');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('Too common or too easy to guess');
    const noWorkspace = await kesher('user', 'create', '--email', `y-${email}`, '--name', 'Y', '--password', 'a-long-password', '--workspace', 'no-such');
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toContain('No workspace no-such');

    // Read back what the CLI wrote, through our own database client.
    const handle = createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    try {
      const [row] = await handle.db.select().from(workspaces).where(eq(workspaces.slug, slug));
      const roles = await handle.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, row!.id));
      expect(roles.map((r) => r.role).sort()).toEqual(['owner', 'sales']);
      const leftovers = await queryRows(handle.db, sql`select count(*)::int as n from users where email = ${`y-${email}`}`);
      expect(leftovers).toEqual([{ n: 0 }]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe('demo workspace', async () => {
  const { db } = await useTestDb();
  test('has Hebrew and English people, Israeli and international E.164 phones, companies, and every role', async () => {
    // The PostgreSQL run shares one database: the demo may exist already from another file.
    const { workspace, login } = await seedDemo(db, { contacts: 120 });
    expect(login.email).toBe('demo@kesher.dev');
    const rows = await db.select().from(contacts).where(eq(contacts.workspaceId, workspace.id));
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(rows.some((c) => /[\u0590-\u05FF]/.test(c.firstName))).toBe(true);
    expect(rows.some((c) => /^[A-Za-z]/.test(c.firstName))).toBe(true);
    const phones = rows.map((c) => c.phone).filter((p): p is string => p !== null);
    expect(phones.every((p) => /^\+[1-9]\d{6,14}$/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('+972'))).toBe(true);
    expect(phones.some((p) => !p.startsWith('+972'))).toBe(true);
    expect(rows.some((c) => c.companyId !== null)).toBe(true);
    const roles = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, workspace.id));
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['owner', 'manager', 'sales', 'service', 'viewer']));
  });

  test('seeding again changes nothing', async () => {
    const { workspace } = await seedDemo(db, { contacts: 120 });
    const inDemo = () => db.select({ n: count() }).from(contacts).where(eq(contacts.workspaceId, workspace.id));
    const before = await inDemo();
    const again = await seedDemo(db, { contacts: 120 });
    expect(again.created).toBe(false);
    expect(await inDemo()).toEqual(before);
  });
});
