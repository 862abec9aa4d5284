import { randomUUID } from 'node:crypto';
import type { BenchDb, Kind } from './databases.js';
import { measureLoop, type Measurement } from './measure.js';
import type { benchOptions } from './options.js';
import { log } from './options.js';
import { profileWhile, type ProfileSummary } from './profile.js';
import type { Loaded } from './records-load.js';
import { captureQueries, explain, type Captured } from './scenarios.js';

export interface RecordsRow {
  name: string;
  /** What the issue asks of its p95, in ms. */
  target: number;
  api: Measurement;
  /** The API with one connection: one request at a time, its latency without queueing behind others. */
  alone: Measurement;
  /** The same SQL straight through the driver (reads: the queries one API request sent, in order). */
  raw: Measurement;
  /** Queries one API request sent once the process's caches are warm (API-key lookup included if sent). */
  queries: number;
  /** Execution time of the request's data queries on the idle database, summed (EXPLAIN ANALYZE). */
  planMs?: number;
  plan?: string;
}

export interface RecordsResult {
  kind: Kind;
  version: string;
  shape: { contacts: number; companies: number; activities: number };
  /** Seconds the generation took, when this run generated. */
  loadSeconds?: number;
  rows: RecordsRow[];
  /** Scenarios that could not run, with why (a route missing in this build, say). */
  skipped: string[];
  /** Card: the sum of its requests' p50 and p95, API and raw. */
  card: { api: { p50: number; p95: number }; alone: { p50: number; p95: number }; raw: { p50: number; p95: number } };
  httpFloor: Measurement;
  /** The API-key lookup every request runs first, alone through the driver. */
  authRaw?: Measurement;
  profile?: ProfileSummary;
}

interface Args {
  kind: Kind;
  db: BenchDb;
  loaded: Loaded;
  base: string;
  authorization: string;
  options: ReturnType<typeof benchOptions>;
}

const rate = (m: Measurement) => `${m.perSecond.toFixed(0)}/s p50 ${m.p50.toFixed(2)} p95 ${m.p95.toFixed(2)} ms${m.errors ? ` ${m.errors} errors` : ''}`;
/**
 * The queries one request sends. The driver sees everything the process sends while the request runs,
 * and the live-updates hub polls the outbox (the `events` table) beside it: those are left out, as no
 * read scenario touches that table.
 */
async function captureRequest(db: BenchDb, base: string, request: { method: 'GET' | 'POST'; url: string; authorization: string; body?: unknown }) {
  const sent = await captureQueries(db, async () => {
    const response = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: { authorization: request.authorization, ...(request.body ? { 'content-type': 'application/json' } : {}) },
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
    });
    if (response.status >= 300) throw new Error(`${request.method} ${request.url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  });
  return request.method === 'GET' ? sent.filter((q) => !/from "events"/.test(q.text)) : sent;
}

/** Queries of the request that are the API's own bookkeeping, not the data the page needs. */
const isAuth = (q: Captured) => /"api_keys"|rate_limits/.test(q.text);

/** The list the bench measures: stage = customer AND the select = its first option, by the custom date. */
export function listQuery(loaded: Loaded, extra: Record<string, string> = {}) {
  const filter = { and: [{ field: 'stage', op: 'eq', value: 'customer' }, { field: `custom.${loaded.fields.select.key}`, op: 'eq', value: loaded.fields.select.optionIds[0] }] };
  return new URLSearchParams({ filter: JSON.stringify(filter), sort: `custom.${loaded.fields.date}`, limit: '50', ...extra }).toString();
}

async function getJson(url: string, authorization: string) {
  const response = await fetch(url, { headers: { authorization } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** A cursor far into the filtered list: pages of 200 walked from the start, up to half the matches. */
async function deepCursor(base: string, authorization: string, loaded: Loaded, expected: number) {
  let cursor: string | undefined;
  let rows = 0;
  const pages = Math.max(2, Math.min(150, Math.floor(expected / 2 / 200)));
  for (let page = 0; page < pages; page++) {
    const body = await getJson(`${base}/api/contacts?${listQuery(loaded, { limit: '200', ...(cursor ? { cursor } : {}) })}`, authorization);
    rows += (body.items as unknown[]).length;
    if (!body.nextCursor) break;
    cursor = body.nextCursor as string;
  }
  return { cursor: cursor!, rows };
}

export async function measureScenarios({ kind, db, loaded, base, authorization, options }: Args) {
  const { run, httpLoad } = options;
  const loop = (call: () => Promise<unknown>) => measureLoop(call, { connections: run.connections, durationMs: run.seconds * 1000, warmupMs: run.warmup * 1000 });
  const rows: RecordsRow[] = [];
  const skipped: string[] = [];
  let authQuery: Captured | undefined;
  /** Runs a scenario; one that fails (a route this build lacks) is noted and the bench goes on. */
  const attempt = async <T>(name: string, scenario: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await scenario();
    } catch (error) {
      skipped.push(`${name}: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`);
      log(`${kind} · ${name}: not measured: ${(error as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };

  /** API under load, then the very queries one request sent, replayed raw in order, then the main one's plan. */
  async function read(name: string, target: number, path: string) {
    const url = `${base}${path}`;
    // The first request finds the API key (kept for the floor below); the second is what a busy key sends.
    const cold = await captureRequest(db, base, { method: 'GET', url: path, authorization });
    authQuery ??= cold.find(isAuth);
    const sent = await captureRequest(db, base, { method: 'GET', url: path, authorization });
    const data = sent.filter((q) => !isAuth(q));
    const probe = await fetch(url, { headers: { authorization } });
    log(`${kind} · ${name}: ${probe.status}, ${(await probe.text()).length} bytes`);
    const api = await httpLoad(url, authorization);
    const alone = await httpLoad(url, authorization, { connections: 1 });
    const raw = await loop(async () => {
      for (const q of data) await db.raw(q.text, q.params, q.name);
    });
    // Every data query's plan on the idle database; the slowest one's nodes are reported.
    const plans = [];
    for (const q of data) plans.push(await explain(db, q.text, q.params));
    const plan = plans.reduce<(typeof plans)[number] | undefined>((a, p) => (!a || p.executionMs > a.executionMs ? p : a), undefined);
    const planMs = plans.reduce((sum, p) => sum + p.executionMs, 0);
    rows.push({ name, target, api, alone, raw, queries: sent.length, planMs, plan: plan?.nodes });
    log(`${kind} · ${name}: API ${rate(api)} · alone ${rate(alone)} · raw ${rate(raw)} · ${sent.length} queries per request`);
    if (plan) log(`${kind} · ${name}: slowest plan\n${plan.text}`);
    return rows.at(-1)!;
  }

  const httpFloor = await httpLoad(`${base}/healthz`);
  log(`${kind} · GET /healthz: ${rate(httpFloor)}`);

  // (a) the filtered list sorted by the custom date: first page, and a page far in.
  const listPath = `/api/contacts?${listQuery(loaded)}`;
  let profile: ProfileSummary | undefined;
  if (options.profile) {
    profile = await profileWhile(() => httpLoad(`${base}${listPath}`, authorization));
    log(`${kind} · profile of the list's first page under load (self time):\n${profile.places.map((p) => `  ${(p.share * 100).toFixed(1)}% ${p.place}`).join('\n')}`);
  }
  await attempt('list, first page', () => read('list: stage + custom select, by custom date, first page', 50, listPath));
  const expected = Math.round(loaded.shape.contacts * 0.35 * 0.95 * 0.2);
  await attempt('list, deep page', async () => {
    const deep = await deepCursor(base, authorization, loaded, expected);
    return read(`list: the same, deep page (after ${deep.rows.toLocaleString('en')} rows)`, 50, `/api/contacts?${listQuery(loaded, { cursor: deep.cursor })}`);
  });

  // (b) a card: the contact (its companies and roles come with it) and the first timeline page; then the next.
  const contactId = loaded.busyContactIds[0]!;
  const card = [
    await attempt('card, contact', () => read('card: GET contact', 50, `/api/contacts/${contactId}`)),
    await attempt('card, timeline', () => read('card: timeline, first page', 50, `/api/timeline/contact/${contactId}`)),
  ];
  await attempt('timeline, next page', async () => {
    const first = await getJson(`${base}/api/timeline/contact/${contactId}`, authorization);
    if (!first.nextCursor) throw new Error('the busy contact has one timeline page only');
    return read('timeline: next page', 20, `/api/timeline/contact/${contactId}?${new URLSearchParams({ cursor: String(first.nextCursor) })}`);
  });
  await attempt('company card', () => read('company card: GET company', 50, `/api/companies/${loaded.companyId}`));
  await attempt('company people', () => read('company card: its people', 50, `/api/companies/${loaded.companyId}/contacts`));
  await attempt('company timeline', () => read("company card: timeline, first page (its people's too)", 50, `/api/timeline/company/${loaded.companyId}`));

  // (c) create a contact: the API, against the statements the service writes (the contact, its audit
  // entry, the system event and its link, the outbox event and NOTIFY) in one transaction, raw.
  await attempt('create', async () => {
    const body = { firstName: 'Bench', lastName: 'Create', email: 'bench@example.com', stage: 'lead', source: 'bench' };
    const response = await fetch(`${base}/api/contacts`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201 && response.status !== 200) throw new Error(`POST /api/contacts: ${response.status} ${await response.text()}`);
    const sent = await captureRequest(db, base, { method: 'POST', url: '/api/contacts', authorization, body });
    const api = await httpLoad(`${base}/api/contacts`, authorization, { method: 'POST', body });
    const alone = await httpLoad(`${base}/api/contacts`, authorization, { method: 'POST', body, connections: 1 });
    const raw = await loop(() => rawCreate(db, loaded));
    rows.push({ name: 'create a contact (+ audit, timeline event, outbox event)', target: 20, api, alone, raw, queries: sent.length });
    log(`${kind} · create: API ${rate(api)} · alone ${rate(alone)} · raw ${rate(raw)} · ${sent.length} queries per request`);
  });

  const authRaw = authQuery ? await loop(() => db.raw(authQuery!.text, authQuery!.params)) : undefined;
  if (authRaw) log(`${kind} · the API-key lookup alone, raw: ${rate(authRaw)}`);
  const sum = (key: 'api' | 'alone' | 'raw', p: 'p50' | 'p95') => card.reduce((s, r) => s + (r ? r[key][p] : NaN), 0);
  const both = (key: 'api' | 'alone' | 'raw') => ({ p50: sum(key, 'p50'), p95: sum(key, 'p95') });
  return { rows, skipped, httpFloor, authRaw, profile, card: { api: both('api'), alone: both('alone'), raw: both('raw') } };
}

/** What createContact + recordChange write, as plain SQL in one transaction. */
async function rawCreate(db: BenchDb, loaded: Loaded) {
  const ws = loaded.workspaceId;
  const actor = loaded.ownerId;
  const id = randomUUID();
  const activityId = randomUUID();
  const statements: [string, unknown[]][] = [
    [`insert into contacts (workspace_id, id, first_name, last_name, email, emails, stage, stage_dates, source, created_by, updated_by)
      values ($1, $2, 'Bench', 'Raw', 'bench@example.com', '[{"value":"bench@example.com","label":"work","primary":true}]', 'lead', jsonb_build_object('lead', now()), 'bench', $3, $3) returning *`, [ws, id, actor]],
    [`insert into audit_log (workspace_id, actor_user_id, channel, record_type, record_id, action, changes) values ($1, $2, 'api', 'contact', $3, 'create', '[{"field":"firstName","old":null,"new":"Bench"}]')`, [ws, actor, id]],
    [`insert into activities (workspace_id, id, kind, event, created_by) values ($1, $2, 'system', $3, $4) returning id, occurred_at`, [ws, activityId, JSON.stringify({ action: 'create', recordType: 'contact', recordId: id, changes: [] }), actor]],
    [`insert into activity_links (workspace_id, activity_id, record_type, record_id, occurred_at, kind) values ($1, $2, 'contact', $3, now(), 'system')`, [ws, activityId, id]],
    [`insert into events (workspace_id, record_type, record_id, action, owner_id, actor_user_id, version, payload) values ($1, 'contact', $2, 'created', null, $3, 1, '{"fields":["firstName"]}') returning id`, [ws, id, actor]],
    [`select pg_notify('kesher_events', 'bench')`, []],
  ];
  if (db.handle.pglite) {
    await db.handle.pglite.transaction(async (tx) => {
      for (const [text, params] of statements) await tx.query(text, params);
    });
    return;
  }
  const client = await db.handle.pool!.connect();
  try {
    await client.query('begin');
    for (const [text, params] of statements) await client.query(text, params);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Removes what the create scenario added, so the kept database keeps its shape. */
export async function cleanUpCreated(db: BenchDb, loaded: Loaded) {
  const ws = loaded.workspaceId;
  const created = `select id from contacts where workspace_id = $1 and source = 'bench'`;
  await db.raw(`delete from activities where workspace_id = $1 and kind = 'system' and id in (select activity_id from activity_links where workspace_id = $1 and record_type = 'contact' and record_id in (${created}))`, [ws]);
  await db.raw(`delete from audit_log where workspace_id = $1 and record_id in (${created})`, [ws]);
  await db.raw(`delete from events where workspace_id = $1`, [ws]);
  await db.raw(`delete from contacts where workspace_id = $1 and source = 'bench'`, [ws]);
}
