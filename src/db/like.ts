const escapeLike = (fragment: string) => fragment.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern that matches `fragment` anywhere, with its own % and _ taken literally. */
export const containsPattern = (fragment: string) => `%${escapeLike(fragment)}%`;

/** A LIKE pattern that matches text starting with `fragment`, with its own % and _ taken literally. */
export const startsWithPattern = (fragment: string) => `${escapeLike(fragment)}%`;
