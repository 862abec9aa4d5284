/**
 * The words one edit away from a word (a deletion, a transposition, a substitution or an insertion of
 * a letter of its script): the typo tier looks each up as an exact word. Pure.
 */
const hebrew = [...'אבגדהוזחטיכלמנסעפצקרשת'];
const latin = [...'abcdefghijklmnopqrstuvwxyz'];

/** Typos are only tolerated in words of this many letters or more. */
export const typoMinLength = 5;

export function oneEditAway(word: string): string[] {
  const letters = [...word];
  if (letters.length < typoMinLength) return [];
  const alphabet = /^[\u05D0-\u05EA]+$/.test(word) ? hebrew : /^[a-z]+$/.test(word) ? latin : null;
  if (!alphabet) return [];
  const out = new Set<string>();
  const n = letters.length;
  for (let i = 0; i < n; i++) out.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(''));
  for (let i = 0; i < n - 1; i++) out.add([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join(''));
  for (let i = 0; i < n; i++) for (const c of alphabet) out.add([...letters.slice(0, i), c, ...letters.slice(i + 1)].join(''));
  for (let i = 0; i <= n; i++) for (const c of alphabet) out.add([...letters.slice(0, i), c, ...letters.slice(i)].join(''));
  out.delete(word);
  return [...out];
}
