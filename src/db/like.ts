/** A LIKE pattern that matches `fragment` anywhere, with its own % and _ taken literally. */
export const containsPattern = (fragment: string) => `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
