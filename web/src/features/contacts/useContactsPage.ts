import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactKeys, fetchContacts } from './api.js';

export const contactsPageSize = 25;

/**
 * One keyset page of contacts. The API has no offsets or totals, so "previous" walks back a stack of
 * the cursors that led here; a new search starts again from the first page.
 */
export function useContactsPage(q: string) {
  const [stack, setStack] = useState<{ q: string; cursors: (string | undefined)[] }>({ q, cursors: [undefined] });
  // A new search resets the stack during render rather than after it, so no stale page is fetched.
  const cursors = stack.q === q ? stack.cursors : [undefined];
  if (stack.q !== q) setStack({ q, cursors });
  const cursor = cursors[cursors.length - 1];

  const params = { q: q || undefined, cursor, limit: contactsPageSize };
  const query = useQuery({
    queryKey: contactKeys.list(params),
    queryFn: ({ signal }) => fetchContacts(params, signal),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);

  return {
    query,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) setStack({ q, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ q, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
