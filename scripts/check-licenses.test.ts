import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'kesher-licences-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A tiny installed project: an AGPL app whose production dependencies carry the given licences. */
function fixture(name: string, licences: Record<string, string | string[]>, devLicences: Record<string, string> = {}) {
  const dir = join(root, name);
  const write = (path: string, json: object) => {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'package.json'), JSON.stringify(json));
  };
  const deps = (entries: object) => Object.fromEntries(Object.keys(entries).map((pkg) => [pkg, '1.0.0']));
  write(dir, { name, version: '1.0.0', private: true, license: 'AGPL-3.0-or-later', dependencies: deps(licences), devDependencies: deps(devLicences) });
  for (const [pkg, licence] of Object.entries({ ...licences, ...devLicences })) {
    const field = Array.isArray(licence) ? { licenses: licence.map((type) => ({ type })) } : { license: licence };
    write(join(dir, 'node_modules', pkg), { name: pkg, version: '1.0.0', ...field });
  }
  return dir;
}

const check = (dir: string) =>
  run(process.execPath, ['scripts/check-licenses.mjs', dir]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

describe('npm run licenses', () => {
  test('passes permissive, weak-copyleft and dual licences, and ignores dev dependencies', async () => {
    const dir = fixture('ok', { 'mit-lib': 'MIT', 'dual-lib': '(MIT OR Apache-2.0)', 'lgpl-lib': 'LGPL-3.0-or-later', 'old-style': ['MIT', 'Apache-2.0'] }, { 'gpl-tool': 'GPL-2.0-only' });
    const result = await check(dir);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('4 production packages');
  });

  test('fails on a GPL-2.0-only production dependency, also inside an AND expression', async () => {
    const dir = fixture('gpl2', { 'mit-lib': 'MIT', 'gpl2-lib': 'GPL-2.0-only', 'mixed-lib': '(MIT AND GPL-2.0-only)' });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('gpl2-lib@1.0.0: GPL-2.0-only does not combine with AGPL-3.0-or-later');
    expect(result.out).toContain('mixed-lib@1.0.0');
    expect(result.out).not.toContain('mit-lib');
  });

  test('fails on a licence it cannot read, until someone reviews it', async () => {
    const result = await check(fixture('unknown', { 'odd-lib': 'SEE LICENSE IN LICENSE.txt' }));
    expect(result.code).toBe(1);
    expect(result.out).toContain('odd-lib@1.0.0');
  });
});
