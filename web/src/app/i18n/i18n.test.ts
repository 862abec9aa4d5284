import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { he } from './he.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  const hebrew = leaves(he);
  const english = leaves(en);

  it('have exactly the same keys in Hebrew and English', () => {
    expect(english.map(([key]) => key).sort()).toEqual(hebrew.map(([key]) => key).sort());
  });

  it('have no empty strings', () => {
    const empty = [...hebrew.map(([k, v]) => ['he', k, v]), ...english.map(([k, v]) => ['en', k, v])].filter(([, , v]) => !v!.trim());
    expect(empty).toEqual([]);
  });

  it('keep the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [key, text] of hebrew) expect(vars(english.get(key) ?? ''), key).toEqual(vars(text));
  });

  it('write Hebrew in Hebrew letters', () => {
    expect(he.contacts.title).toBe('אנשי קשר');
    expect(hebrew.filter(([key]) => !key.startsWith('language.')).every(([, v]) => /[\u0590-\u05FF]/.test(v))).toBe(true);
  });
});
