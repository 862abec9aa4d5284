import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { users } from '../db/tables.js';
import { useTestApp } from '../test-support/db.js';
import { makeUser } from '../test-support/fixtures.js';

/** The server log never holds SQL parameters: a failed query logs its text and PostgreSQL code only. */
const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const { db, app } = await useTestApp({ logger: { level: 'info', stream } });
const secretValue = 'private-person@example.test';
const existing = await makeUser(db, 'Private Person');

app.get('/test/bad-cast', { config: { auth: 'public' } }, async () => db.execute(sql`select ${secretValue}::int as n`));
app.get('/test/duplicate', { config: { auth: 'public' } }, async () =>
  db.insert(users).values({ email: existing.email.toUpperCase(), name: secretValue, passwordHash: 'hash-ffff-0000' }),
);

async function failAndReadLog(url: string) {
  lines.length = 0;
  const response = await app.inject(url);
  expect(response.statusCode).toBe(500);
  expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
  const errors = lines.map((line) => JSON.parse(line) as { msg?: string; err?: Record<string, unknown> }).filter((entry) => entry.err);
  expect(errors).toHaveLength(1);
  return { text: lines.join('\n'), err: errors[0]!.err! };
}

describe('logging requests', () => {
  test('a search or a cursor in the query string is not in the log; the path is', async () => {
    lines.length = 0;
    const cursor = Buffer.from(JSON.stringify([secretValue, existing.id])).toString('base64url');
    await app.inject(`/api/contacts?q=${encodeURIComponent(secretValue)}&cursor=${cursor}`);
    const text = lines.join('\n');
    expect(text).toContain('"url":"/api/contacts"');
    for (const value of [secretValue, encodeURIComponent(secretValue), cursor]) expect(text).not.toContain(value);
  });
});

describe('logging a failed query', () => {
  test('a value the database refuses is not in the log; the query and the code are', async () => {
    const { text, err } = await failAndReadLog('/test/bad-cast');
    expect(text).not.toContain(secretValue);
    expect(err).toMatchObject({ code: '22P02', query: expect.stringContaining('::int as n'), message: 'Database error 22P02' });
    expect(err.stack).toEqual(expect.stringContaining('    at '));
  });

  test('a unique violation logs the constraint, not the duplicate value or the other columns', async () => {
    const { text, err } = await failAndReadLog('/test/duplicate');
    for (const value of [secretValue, existing.email, existing.email.toUpperCase(), 'hash-ffff-0000']) expect(text).not.toContain(value);
    expect(err).toMatchObject({ code: '23505', constraint: 'users_email_key', query: expect.stringContaining('insert into "users"') });
  });
});
