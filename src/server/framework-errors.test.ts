import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../test-support/db.js';

/** Over a real listening server: Node's HTTP parser refuses some requests before Fastify sees them. */
const webDir = mkdtempSync(join(tmpdir(), 'kesher-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kesher</title>');
writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("kesher")');
const { app } = await useTestApp({ webDir });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

/** Sends bytes as they are and reads the whole answer (fetch would refuse or rewrite some of these). */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), headers, body });
    });
  });
}

const expectProblem = (headers: string, body: string, status: number, code: string) => {
  expect(headers.toLowerCase()).toContain('content-type: application/problem+json');
  expect(JSON.parse(body)).toMatchObject({ status, code, type: expect.stringContaining(code), title: expect.any(String), detail: expect.any(String) });
};

describe("errors raised before a route are problem+json", () => {
  test('request headers over 16 KiB are a 431 problem', async () => {
    const response = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expectProblem(response.headers, response.body, 431, 'header_too_large');
  });

  test('a URL too long for the HTTP parser is a 414 problem', async () => {
    const response = await raw(`GET /api/contacts?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(response.status).toBe(414);
    expectProblem(response.headers, response.body, 414, 'uri_too_long');
  });

  test('a URL over 8 KiB is a 414 problem', async () => {
    const response = await fetch(`${base}/api/contacts?q=${'a'.repeat(9000)}`);
    expect(response.status).toBe(414);
    expectProblem(`content-type: ${response.headers.get('content-type')}`, await response.text(), 414, 'uri_too_long');
  });

  test('a path segment over 100 characters is a 414 problem', async () => {
    const response = await fetch(`${base}/api/contacts/${'a'.repeat(200)}`);
    expect(response.status).toBe(414);
    expectProblem(`content-type: ${response.headers.get('content-type')}`, await response.text(), 414, 'uri_too_long');
  });

  test('percent-encoding that is not UTF-8 is a 400 problem', async () => {
    const response = await fetch(`${base}/api/contacts/%ED%A0%80`);
    expect(response.status).toBe(400);
    expectProblem(`content-type: ${response.headers.get('content-type')}`, await response.text(), 400, 'bad_request');
  });

  test('percent-encoding in the query that does not decode is a 400 problem, not silently dropped', async () => {
    for (const query of ['q=%E0%A4%A', 'q=%zz', '%ff=1']) {
      const response = await fetch(`${base}/api/contacts/?${query}`);
      expect(response.status, query).toBe(400);
      expectProblem(`content-type: ${response.headers.get('content-type')}`, await response.text(), 400, 'bad_request');
    }
    const fine = await fetch(`${base}/api/contacts/?q=${encodeURIComponent('כהן 100%')}+x`);
    expect(fine.status).toBe(401);
  });

  test('a request that is not HTTP is a 400 problem', async () => {
    const response = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(response.status).toBe(400);
    expectProblem(response.headers, response.body, 400, 'bad_request');
  });
});

describe('the web app and its files', () => {
  test.each(['/assets/missing.js', '/assets/missing', '/favicon.ico', '/contacts/logo.png', '/api', '/API/contacts/', '/Api/nothing'])('%s is a 404 problem, not the app page', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(404);
    expectProblem(`content-type: ${response.headers.get('content-type')}`, await response.text(), 404, 'not_found');
  });

  test('app routes still get the app page, and existing files are served', async () => {
    for (const path of ['/', '/contacts', '/contacts/123']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>Kesher</title>');
    }
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('kesher');
  });
});
