import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file, as a path under src/ ("server/auth/plugin.js"). */
function importsOf(file: string) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return found.map((spec) => relative(src, resolve(dirname(file), spec)));
}

/** Layer of a path under src/: its first folder. */
const layerOf = (path: string) => path.split('/')[0]!;

// What each layer may import (besides itself). Dependencies point down.
const allowed: Record<string, string[]> = {
  core: ['db'],
  db: ['core', 'domain'],
  domain: ['core', 'db'],
  server: ['core', 'db', 'domain'],
  cli: ['core', 'db', 'domain', 'server'],
};

describe('layering', () => {
  it('dependencies point down: core ← domain ← server/cli, never up', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(src)) {
      const from = layerOf(relative(src, file));
      if (!(from in allowed)) continue;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to === from || !(to in allowed)) continue;
        if (!allowed[from]!.includes(to)) upward.push(`${relative(src, file)} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the check sees an upward import (so a pass means something)', () => {
    const file = join(src, 'server/routes/contacts.ts');
    expect(importsOf(file).some((p) => layerOf(p) === 'domain')).toBe(true);
  });
});
