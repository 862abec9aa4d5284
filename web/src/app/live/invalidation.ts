import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveChange } from '../../../../src/domain/events/schema.js';

/**
 * The query-key prefixes a change makes stale (the conventions every feature's keys follow): the record
 * type's lists and records, every timeline (a company's shows its people's activities) and the record's
 * history. An activity changes timelines only.
 */
export function keysToInvalidate(change: Pick<LiveChange, 'recordType' | 'recordId' | 'action'>): QueryKey[] {
  if (change.action === 'activity') return [['timeline']];
  return [['records', change.recordType], ['timeline'], ['history', change.recordType, change.recordId]];
}

/**
 * Invalidates in batches: a bulk edit of 500 records arrives as 500 events, and one refetch per key
 * prefix after a short pause serves them all. `everything` (a reload frame) invalidates every query.
 */
export function createInvalidator(queryClient: QueryClient, delayMs = 100) {
  const pending = new Map<string, QueryKey>();
  let all = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (all) void queryClient.invalidateQueries();
    else for (const queryKey of pending.values()) void queryClient.invalidateQueries({ queryKey });
    all = false;
    pending.clear();
  };
  const schedule = () => {
    timer ??= setTimeout(flush, delayMs);
  };
  return {
    change(change: LiveChange) {
      for (const key of keysToInvalidate(change)) pending.set(JSON.stringify(key), key);
      schedule();
    },
    everything() {
      all = true;
      schedule();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
      all = false;
    },
  };
}
