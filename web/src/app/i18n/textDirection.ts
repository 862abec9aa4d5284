const firstStrong = /[A-Za-z\u00C0-\u024F]|[\u0590-\u05FF\u0600-\u06FF]/;

/**
 * The direction a typed text should be shown in: by its first letter, and left to right for a bare
 * number such as "+9725" (which an RTL box would show as "9725+"); undefined (inherit) when empty.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | undefined {
  const letter = firstStrong.exec(text)?.[0];
  if (letter) return /[\u0590-\u06FF]/.test(letter) ? 'rtl' : 'ltr';
  return /\d/.test(text) ? 'ltr' : undefined;
}

/**
 * Wraps a name or address for a translated sentence in first-strong isolates (FSI…PDI), so a Hebrew
 * name in an English sentence, or an email in a Hebrew one, keeps its own order and punctuation.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
