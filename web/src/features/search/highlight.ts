/** A piece of a title or subtitle, marked when it is part of what matched. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Cuts a text by the server's highlight ranges ([start, end) in UTF-16 units, as JavaScript indexes
 * strings). Ranges are clamped to the text, sorted and merged, so an overlap or a range past the end
 * (the record changed since) never throws or repeats a letter.
 */
export function splitHighlights(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const clean = ranges
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of clean) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    const last = parts.at(-1);
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else parts.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
