/**
 * A small in-process cache whose entries live `ttlMs` and of which at most `max` are kept (the oldest
 * go first). It trades a bounded staleness across processes for a database round trip per request:
 * the process that changes what is cached clears it at once (`clear`), every other process sees the
 * change within `ttlMs`. A ttl of 0 turns it off.
 */
export interface TtlCache<V> {
  get(key: string): V | undefined;
  /** Keeps `value` for the cache's ttl, or for `ttlMs` when given (0: not at all). */
  set(key: string, value: V, ttlMs?: number): void;
  clear(): void;
}

interface TtlCacheOptions {
  ttlMs: number;
  max?: number;
  /** Entries set under another epoch are gone: how `cachePerHandle` clears every handle's cache at once. */
  epoch?: () => number;
}

export function createTtlCache<V>({ ttlMs, max = 10_000, epoch = () => 0 }: TtlCacheOptions): TtlCache<V> {
  const entries = new Map<string, { value: V; expires: number; epoch: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now() || entry.epoch !== epoch()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, ttl = ttlMs) {
      entries.delete(key);
      if (ttl <= 0) return;
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: Date.now() + ttl, epoch: epoch() });
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * One cache per database handle (a test process opens many databases; two app instances on one
 * handle share it, as two processes would share the database).
 */
export function cachePerHandle<V>(options: { ttlMs: number; max?: number }) {
  const caches = new WeakMap<object, TtlCache<V>>();
  let epoch = 0;
  const cacheOf = (handle: object): TtlCache<V> => {
    let cache = caches.get(handle);
    if (!cache) caches.set(handle, (cache = createTtlCache<V>({ ...options, epoch: () => epoch })));
    return cache;
  };
  /** Empties the cache of every handle (a transaction is a handle of its own, so it cannot name the root's). */
  cacheOf.clearAll = () => {
    epoch++;
  };
  /** The current epoch: a value read from the database under an older one than now must not be cached. */
  cacheOf.epoch = () => epoch;
  return cacheOf;
}
