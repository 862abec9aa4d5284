/**
 * Remembers `make(a, b)` by the two objects' identities (no key string built per call). Held weakly by
 * `a`: an object nothing uses any more takes its answers with it; everything is forgotten at once past
 * `limit` answers, so that a long-lived process does not grow without end.
 */
export function rememberPairs<A extends object, B extends object, V>(limit: number, make: (a: A, b: B) => V): (a: A, b: B) => V {
  let remembered = new WeakMap<A, Map<B, V>>();
  let count = 0;
  return (a, b) => {
    let answers = remembered.get(a);
    const known = answers?.get(b);
    if (known !== undefined) return known;
    if (++count > limit) {
      remembered = new WeakMap();
      count = 1;
      answers = undefined;
    }
    if (!answers) remembered.set(a, (answers = new Map()));
    const made = make(a, b);
    answers.set(b, made);
    return made;
  };
}
