import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachePerHandle, createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  afterEach(() => vi.useRealTimers());

  it('forgets an entry once its time is up', () => {
    vi.useFakeTimers();
    const cache = createTtlCache<number>({ ttlMs: 1000 });
    cache.set('a', 1);
    vi.advanceTimersByTime(999);
    expect(cache.get('a')).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps at most max entries, dropping the oldest', () => {
    const cache = createTtlCache<number>({ ttlMs: 60_000, max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('keeps nothing with a ttl of 0, and clear empties it', () => {
    const off = createTtlCache<number>({ ttlMs: 0 });
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
    const on = createTtlCache<number>({ ttlMs: 60_000 });
    on.set('a', 1);
    on.clear();
    expect(on.get('a')).toBeUndefined();
  });

  it('gives each handle its own cache, and clearAll empties them all', () => {
    const cacheOf = cachePerHandle<number>({ ttlMs: 60_000 });
    const one = {};
    const two = {};
    cacheOf(one).set('a', 1);
    expect(cacheOf(one).get('a')).toBe(1);
    expect(cacheOf(two).get('a')).toBeUndefined();
    cacheOf(two).set('a', 2);
    cacheOf.clearAll();
    expect([cacheOf(one).get('a'), cacheOf(two).get('a')]).toEqual([undefined, undefined]);
    cacheOf(one).set('a', 3);
    expect(cacheOf(one).get('a')).toBe(3);
  });
});

describe('a ttl per entry', () => {
  it('overrides the default, and 0 removes what was there', () => {
    vi.useFakeTimers();
    const cache = createTtlCache<number>({ ttlMs: 60_000 });
    cache.set('a', 1, 10);
    vi.advanceTimersByTime(10);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 2);
    cache.set('b', 3, 0);
    expect(cache.get('b')).toBeUndefined();
    vi.useRealTimers();
  });
});
