import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeWorkspace } from '../../test-support/fixtures.js';
import { recordTypes } from '../records/registry.js';
import { markNotDuplicates } from './dismiss.js';

const { db, app } = await useTestApp();

describe('the record types duplicates are matched for come from the registry', () => {
  test('the OpenAPI document offers exactly the registered types that declare `duplicates`', async () => {
    const declared = recordTypes().flatMap((t) => (t.duplicates ? [t.name] : []));
    expect(declared).toEqual(expect.arrayContaining(['contact', 'company']));
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; schema: { enum?: string[] } }[]; requestBody?: { content: Record<string, { schema: { properties: { type: { enum?: string[] } } } }> } }>>;
    };
    const paths = doc.paths;
    expect(paths['/api/duplicates/rules']!.get!.parameters!.find((p) => p.name === 'type')!.schema.enum).toEqual(declared);
    expect(paths['/api/duplicates/scans/latest']!.get!.parameters!.find((p) => p.name === 'type')!.schema.enum).toEqual(declared);
    for (const path of ['/api/duplicates/check', '/api/duplicates/not-duplicate', '/api/duplicates/scans']) {
      expect(paths[path]!.post!.requestBody!.content['application/json']!.schema.properties.type.enum, path).toEqual(declared);
    }
  });

  test('any other name is a 400 naming `type`, through the API and the services alike', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const { headers } = await logIn(app, owner.email);
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const requests = [
      { method: 'GET', url: '/api/duplicates/rules?type=deal' },
      { method: 'GET', url: '/api/duplicates/scans/latest?type=deal' },
      { method: 'POST', url: '/api/duplicates/check', payload: { type: 'deal', record: {} } },
      { method: 'POST', url: '/api/duplicates/not-duplicate', payload: { type: 'deal', ids } },
      { method: 'POST', url: '/api/duplicates/scans', payload: { type: 'deal' } },
    ] as const;
    for (const request of requests) {
      const response = await app.inject({ ...request, headers });
      expect({ url: request.url, status: response.statusCode, path: response.json().fields?.[0]?.path }).toEqual({ url: request.url, status: 400, path: 'type' });
    }
    await expect(markNotDuplicates(ctx(), { type: 'deal' as never, ids })).rejects.toMatchObject({ code: 'validation_failed', details: { fields: [{ path: 'type' }] } });
  });
});
