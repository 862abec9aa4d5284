import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { loginDelayKey } from '../../domain/rate-limits/login-delays.js';
import { useTestApp } from '../../test-support/db.js';
import { makeUser, testPassword } from '../../test-support/fixtures.js';

// The default limits: 20 failures per address, then 10 a minute; 5 free failures per email and address.
const { db, app } = await useTestApp();
let nextAddress = 1;
/** Each test logs in from addresses of its own, so the per-address buckets do not leak between tests. */
const newAddress = () => `10.9.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
const login = (address: string, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email, password } });
/** Moves a delay's end into the past, as if its time had passed. */
const waitOut = (address: string, email: string) =>
  db.execute(sql`update login_throttles set retry_at = now() - interval '1 second' where key = ${loginDelayKey(address, email)}`);

describe('login throttling per address, across accounts', () => {
  test('one password tried against 30 accounts from one address gets 429s before the end; another address still logs in', async () => {
    const accounts = [];
    for (let i = 0; i < 30; i++) accounts.push(await makeUser(db));
    const attacker = newAddress();
    const statuses = [];
    for (const account of accounts) statuses.push((await login(attacker, account.email, 'Summer2026!!')).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    const refused = await login(attacker, accounts[0]!.email, testPassword);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_requests', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(newAddress(), accounts[0]!.email, testPassword)).statusCode).toBe(200);
  });

  test('successful logins from one address (an office behind NAT) do not use up its failures', async () => {
    const office = newAddress();
    for (let i = 0; i < 25; i++) {
      const user = await makeUser(db);
      expect((await login(office, user.email, testPassword)).statusCode).toBe(200);
    }
  });
});

describe('the growing delay per email and address', () => {
  test('an unknown email answers exactly like a known one, attempt after attempt', async () => {
    const known = await makeUser(db);
    const sequence = async (email: string) => {
      const address = newAddress();
      const answers = [];
      for (let i = 0; i < 8; i++) {
        const response = await login(address, email, 'wrong-password!');
        answers.push({ status: response.statusCode, body: response.body, retryAfter: response.headers['retry-after'] });
      }
      return answers;
    };
    const knownAnswers = await sequence(known.email);
    const unknownAnswers = await sequence('nobody-here@example.test');
    expect(knownAnswers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(unknownAnswers).toEqual(knownAnswers);
  });

  test('after 5 failures each attempt waits, and the wait doubles with each further failure up to 15 minutes', async () => {
    const user = await makeUser(db);
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await login(address, user.email, 'wrong-password!')).statusCode).toBe(401);
    const waits = [];
    for (let i = 0; i < 3; i++) {
      const refused = await login(address, user.email, testPassword); // even the right password waits
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      await waitOut(address, user.email);
      expect((await login(address, user.email, 'wrong-password!')).statusCode).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8]);
    await db.execute(sql`update login_throttles set failures = 30 where key = ${loginDelayKey(address, user.email)}`);
    await waitOut(address, user.email);
    await login(address, user.email, 'wrong-password!');
    expect(Number((await login(address, user.email, testPassword)).headers['retry-after'])).toBe(15 * 60);
  });

  test('the owner logs in from their own address while a stranger is being delayed on the same email', async () => {
    const owner = await makeUser(db);
    const stranger = newAddress();
    for (let i = 0; i < 6; i++) await login(stranger, owner.email, 'wrong-password!');
    expect((await login(stranger, owner.email, testPassword)).statusCode).toBe(429);
    expect((await login(newAddress(), owner.email, testPassword)).statusCode).toBe(200);
  });

  test('a success from the address resets its delay', async () => {
    const user = await makeUser(db);
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(address, user.email, 'wrong-password!');
    await waitOut(address, user.email);
    expect((await login(address, user.email, testPassword)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(address, user.email, 'wrong-password!')).statusCode).toBe(401);
  });

  test('the email is matched whatever its case and surrounding spaces', async () => {
    const user = await makeUser(db);
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(address, i % 2 ? user.email.toUpperCase() : ` ${user.email} `, 'wrong-password!');
    expect((await login(address, user.email, testPassword)).statusCode).toBe(429);
  });

  test('of many concurrent attempts at the end of a delay only one is checked', async () => {
    const user = await makeUser(db);
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(address, user.email, 'wrong-password!');
    await waitOut(address, user.email);
    const answers = await Promise.all(Array.from({ length: 6 }, () => login(address, user.email, 'wrong-password!')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([401, 429, 429, 429, 429, 429]);
  });
});
