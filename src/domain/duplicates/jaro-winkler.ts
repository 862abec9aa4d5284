/** Jaro similarity of two strings (0..1): shared characters within a window, and their transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const al = a.length;
  const bl = b.length;
  if (al === 0 || bl === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(al, bl) / 2) - 1);
  const aHit = new Array<boolean>(al).fill(false);
  const bHit = new Array<boolean>(bl).fill(false);
  let matches = 0;
  for (let i = 0; i < al; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(bl - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < al; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  return (matches / al + matches / bl + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro–Winkler: Jaro with a bonus for a shared prefix of up to 4 characters (p = 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
