import { describe, expect, test } from 'vitest';
import { createApiKey } from '../domain/api-keys/service.js';
import { createContact } from '../domain/contacts/service.js';
import { useTestApp } from '../test-support/db.js';
import { logIn, makeWorkspace } from '../test-support/fixtures.js';
import { malformedHeaders, malformedJson, malformedStrings } from '../test-support/malformed.js';

/**
 * Walks /api/openapi.json and sends malformed values in every declared path, query, header and body
 * parameter of every route, as a session and as an API key: no answer may be a 5xx, and every error must
 * be problem+json. 429s (rate limits) are allowed but counted, so a run that only met 429s fails.
 */
const lavish = { perSecond: 1_000, burst: 1_000_000 };
const { db, app } = await useTestApp({ rateLimits: { login: lavish, badApiKey: lavish } });

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}
const spec = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };

const { workspace, owner, ctx } = await makeWorkspace(db);
const contact = await createContact(ctx(), { firstName: 'Fuzz', lastName: 'Target' });
const { secret } = await createApiKey(ctx(), { name: 'fuzz', role: 'admin' });
const session = await logIn(app, owner.email);
const credentials = {
  session: session.headers as Record<string, string>,
  apiKey: { authorization: `Bearer ${secret}` } as Record<string, string>,
};

/** Percent-encoding; a lone surrogate becomes its WTF-8 bytes, which are not valid UTF-8 (a bad URL encoding). */
const encode = (value: string) =>
  Array.from(value, (ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

/** A valid value for a schema, so that one malformed field is the only thing wrong with a request. */
function sample(name: string, schema: JsonSchema): unknown {
  const branch = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (branch.enum) return branch.enum.at(-1);
  const type = Array.isArray(branch.type) ? branch.type[0] : branch.type;
  if (type === 'integer' || type === 'number') return branch.minimum ?? 1;
  if (type === 'boolean') return false;
  if (branch.format === 'uuid') return name === 'id' ? contact.id : workspace.id;
  const byName: Record<string, string> = { email: 'fuzz@example.test', slug: 'fuzz-slug', password: 'fuzz-password-long', token: 'x'.repeat(40) };
  return byName[name] ?? 'Fuzz';
}

const bodySchema = (op: Operation) => op.requestBody?.content['application/json'].schema;
// A version is sent although optional, so that a PATCH reaches its UPDATE (stale, so a 409) with the bad value.
const validBody = (schema: JsonSchema) =>
  Object.fromEntries(
    [...(schema.required ?? []), ...('version' in (schema.properties ?? {}) ? ['version'] : [])].map((key) => [
      key,
      key === 'version' ? 2147483647 : sample(key, schema.properties![key]!),
    ]),
  );

interface Probe {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
  what: string;
}

function* probes(method: string, path: string, op: Operation): Generator<Probe> {
  // Writes get If-Match whether or not they declare it: a header read without a schema is where bugs hide.
  const declared = op.parameters ?? [];
  const ifMatch: Parameter = { in: 'header', name: 'if-match', schema: {} };
  const params = ['PATCH', 'DELETE'].includes(method) && !declared.some((p) => p.name === 'if-match') ? [...declared, ifMatch] : declared;
  const fillPath = (values: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? String(sample(name, { format: 'uuid' }))));
  const schema = bodySchema(op);
  const body = schema ? validBody(schema) : undefined;
  const base = { method, url: fillPath(), payload: body };
  for (const param of params) {
    const what = `${param.in} ${param.name}`;
    if (param.in === 'path') {
      for (const value of malformedStrings) yield { ...base, url: fillPath({ [param.name]: value }), what };
    } else if (param.in === 'query') {
      for (const value of malformedJson) {
        const values = Array.isArray(value) ? value : [value];
        const query = values.map((v) => `${param.name}=${encode(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
        yield { ...base, url: `${base.url}?${query.join('&')}`, what };
      }
      yield { ...base, url: `${base.url}?${param.name}[a]=1`, what };
    } else {
      // Without the body's version, which would win over If-Match.
      const payload = body && Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'version'));
      for (const value of malformedHeaders) yield { ...base, payload, headers: { [param.name]: value }, what };
    }
  }
  if (params.some((p) => p.in === 'query')) yield { ...base, url: `${base.url}?unknown=1`, what: 'unknown query' };
  if (!schema) return;
  for (const key of Object.keys(schema.properties ?? {})) {
    for (const value of malformedJson) yield { ...base, payload: { ...body, [key]: value }, what: `body ${key}` };
  }
  for (const whole of [[], 'text', 42, null, { ...body, unknownField: 1 }]) yield { ...base, payload: whole, what: 'body' };
  yield { ...base, payload: '{"__proto__": {"admin": true}}', what: 'body __proto__' };
}

// Logging out ends the session the other routes use, so it goes last.
const routes = Object.entries(spec.paths)
  .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
  .sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'))
  // A valid request there opens a stream that never ends an inject; realtime/events.test.ts sends it malformed ids.
  .filter((r) => r.path !== '/api/events/');

describe('fuzzing every route of the OpenAPI document', () => {
  test('the document declares parameters and bodies to fuzz', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => r.op.parameters?.length || r.op.requestBody).length).toBeGreaterThan(10);
  });

  test('malformed credentials are a problem, never a 5xx', async () => {
    const failures: string[] = [];
    const tokens = malformedStrings.map(encode);
    const attempts = [
      ...malformedHeaders.flatMap((value) => [{ authorization: value }, { authorization: `Bearer ${value}` }]),
      { authorization: `Bearer ksk.${workspace.id}.${'x'.repeat(5000)}` },
      { authorization: 'Bearer ksk.not-a-uuid.x' },
      ...tokens.map((token) => ({ cookie: `kesher_session=${token}` })),
    ];
    for (const headers of attempts) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await app.inject({ method, url: '/api/contacts/', headers, payload: method === 'POST' ? { firstName: 'X' } : undefined });
        if (response.statusCode >= 500 || !String(response.headers['content-type']).startsWith('application/problem+json')) {
          failures.push(`${response.statusCode} ${method} ${JSON.stringify(headers).slice(0, 100)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  for (const [who, headers] of Object.entries(credentials)) {
    test(`no malformed input gets a 5xx or a non-problem error, as ${who}`, async () => {
      const failures: string[] = [];
      let answered = 0;
      let limited = 0;
      for (const { method, path, op } of routes) {
        for (const probe of probes(method, path, op)) {
          const payload = probe.payload === undefined ? undefined : typeof probe.payload === 'string' ? probe.payload : JSON.stringify(probe.payload);
          const response = await app.inject({
            method: probe.method as 'GET',
            url: probe.url,
            headers: { ...headers, ...(payload !== undefined && { 'content-type': 'application/json' }), ...probe.headers },
            payload,
          });
          if (response.statusCode === 429) limited += 1;
          else answered += 1;
          const label = `${probe.method} ${probe.url.slice(0, 80)} ${probe.what} ${JSON.stringify(probe.headers ?? probe.payload ?? '').slice(0, 80)}`;
          if (response.statusCode >= 500) failures.push(`${response.statusCode} ${label}: ${response.body.slice(0, 200)}`);
          else if (response.statusCode >= 400) {
            const problem = String(response.headers['content-type']).startsWith('application/problem+json') ? response.json() : undefined;
            const complete = problem && ['type', 'title', 'code', 'detail'].every((k) => typeof problem[k] === 'string') && problem.status === response.statusCode;
            if (!complete) failures.push(`not problem+json ${response.statusCode} ${label}: ${response.body.slice(0, 200)}`);
            // A 400 for bad input names the field, so a client can point at it.
            const named = (problem?.fields as { path?: unknown }[] | undefined)?.every((f) => typeof f.path === 'string' && f.path !== '');
            if (problem?.code === 'validation_failed' && !(problem.fields?.length && named)) failures.push(`no field named ${label}: ${response.body.slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(limited);
    }, 600_000);
  }
});
