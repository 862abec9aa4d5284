import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, request, setCsrfToken } from './api.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('request', () => {
  it('sends the CSRF token on writes and not on reads', async () => {
    setCsrfToken('token-1');
    const fetchMock = answer(200, { ok: true });
    await request('/api/things', { query: { q: 'דנה', cursor: undefined, limit: 25 }, schema: z.object({ ok: z.boolean() }) });
    await request('/api/things', { method: 'POST', body: { a: 1 } });
    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    const [, postInit] = fetchMock.mock.calls[1]!;
    expect(getUrl).toBe('/api/things?q=%D7%93%D7%A0%D7%94&limit=25');
    expect((getInit!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit!.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
    expect((postInit!.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiError with its code, fields and retry time', async () => {
    answer(429, { code: 'too_many_requests', detail: 'slow down', status: 429 }, { 'retry-after': '90' });
    const locked = await request('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(ApiError);
    expect(locked).toMatchObject({ status: 429, code: 'too_many_requests', retryAfterSeconds: 90 });

    answer(400, { code: 'validation_failed', detail: 'bad', fields: [{ path: 'phone', message: 'Not a valid phone number' }] });
    const invalid = await request('/api/contacts', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'validation_failed', fields: [{ path: 'phone', message: 'Not a valid phone number' }] });
  });

  it('reports a server that cannot be reached as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('/api/auth/session')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});

describe('a body checked with the server schema', () => {
  it('fails before sending, with the paths and messages the server would answer', async () => {
    const { createContactSchema } = await import('../../../src/domain/contacts/schema.js');
    const fetchMock = answer(201, {});
    const body = { firstName: 'Dana', emails: [{ value: 'not-an-email', label: 'work', primary: true }] };
    const failed = await request('/api/contacts', { method: 'POST', body, bodySchema: createContactSchema }).catch((e: unknown) => e);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(failed).toBeInstanceOf(ApiError);
    const server = createContactSchema.safeParse(body);
    expect(failed).toMatchObject({
      code: 'validation_failed',
      fields: server.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
    expect((failed as ApiError).fields[0]!.path).toBe('emails.0.value');
    await request('/api/contacts', { method: 'POST', body: { firstName: 'Dana' }, bodySchema: createContactSchema });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
