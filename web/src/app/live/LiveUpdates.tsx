import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveChangeSchema } from '../../../../src/domain/events/schema.js';
import { changeStore } from './changeStore.js';
import { createInvalidator } from './invalidation.js';

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Keeps every open list, card and timeline current: one EventSource on /api/events while a workspace is
 * open (mounted inside the layout's per-workspace key, so switching workspace reconnects). The browser
 * reconnects by itself with Last-Event-ID; the server replays what was missed or sends `reload`.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const invalidator = createInvalidator(queryClient);
    const source = new EventSource('/api/events');
    source.addEventListener('change', (message) => {
      const parsed = liveChangeSchema.safeParse(parseJson((message as MessageEvent<string>).data));
      if (!parsed.success) return invalidator.everything();
      changeStore.record(parsed.data);
      invalidator.change(parsed.data);
    });
    source.addEventListener('reload', () => invalidator.everything());
    return () => {
      source.close();
      invalidator.cancel();
      changeStore.clear();
    };
  }, [queryClient]);
  return null;
}
