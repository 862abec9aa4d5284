import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveChange } from '../../../../src/domain/events/schema.js';
import { createChangeStore } from './changeStore.js';
import { createInvalidator, keysToInvalidate } from './invalidation.js';

const contactId = '00000000-0000-4000-8000-000000000001';
const change = (overrides: Partial<LiveChange> = {}): LiveChange => ({
  id: 1,
  recordType: 'contact',
  recordId: contactId,
  action: 'updated',
  version: 3,
  actorUserId: '00000000-0000-4000-8000-0000000000aa',
  actorName: 'Dana',
  fields: ['city'],
  ...overrides,
});

afterEach(() => vi.useRealTimers());

describe('keysToInvalidate', () => {
  it('a record change makes its type’s lists and records, every timeline and its history stale', () => {
    expect(keysToInvalidate(change())).toEqual([['records', 'contact'], ['timeline'], ['history', 'contact', contactId]]);
    expect(keysToInvalidate(change({ recordType: 'company', action: 'deleted' }))).toEqual([['records', 'company'], ['timeline'], ['history', 'company', contactId]]);
  });

  it('an activity makes only timelines stale', () => {
    expect(keysToInvalidate(change({ action: 'activity', version: null, fields: [] }))).toEqual([['timeline']]);
  });

  it('the prefixes match the keys the features use', () => {
    const client = new QueryClient();
    const keys = [
      ['records', 'contact', 'list', { sort: 'name' }],
      ['records', 'contact', contactId],
      ['records', 'company', 'list', {}],
      ['timeline', 'company', 'x', ['note']],
      ['history', 'contact', contactId],
      ['history', 'contact', 'other'],
      ['fields', 'contact'],
    ];
    for (const key of keys) client.setQueryData(key, 1);
    for (const queryKey of keysToInvalidate(change())) void client.invalidateQueries({ queryKey });
    const stale = client.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => q.queryKey);
    expect(stale).toEqual([keys[0], keys[1], keys[3], keys[4]]);
  });
});

describe('createInvalidator', () => {
  it('batches a burst of events into one invalidation per key', () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    const invalidator = createInvalidator(client, 100);
    for (let i = 0; i < 50; i++) invalidator.change(change({ id: i }));
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([['records', 'contact'], ['timeline'], ['history', 'contact', contactId]]);
  });

  it('a reload invalidates everything', () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    const invalidator = createInvalidator(client, 100);
    invalidator.change(change());
    invalidator.everything();
    vi.advanceTimersByTime(100);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith();
  });
});

describe('change store', () => {
  it('keeps the last change per record, who made it and the version, and tells subscribers', () => {
    const store = createChangeStore(2);
    const listener = vi.fn();
    store.subscribe(listener);
    store.record(change({ id: 1, version: 2, actorName: 'Dana' }), 1000);
    store.record(change({ id: 2, version: 3, actorName: 'Yossi' }), 2000);
    store.record(change({ id: 3, action: 'activity' }));
    expect(store.get('contact', contactId)).toMatchObject({ eventId: 2, version: 3, actorName: 'Yossi', at: 2000 });
    expect(listener).toHaveBeenCalledTimes(2);
    store.record(change({ recordId: 'b' }));
    store.record(change({ recordId: 'c' }));
    expect(store.get('contact', contactId)).toBeUndefined();
  });
});
