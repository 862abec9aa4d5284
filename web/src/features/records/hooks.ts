import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchFields, fetchMembers, fetchRecords, fetchViews, recordKeys, type RecordListParams } from './api.js';

export const gridPageSize = 25;

/** The field catalogue of a record type (built-in + custom), for columns and filters. */
export const useFields = (recordType: string) =>
  useQuery({ queryKey: recordKeys.fields(recordType), queryFn: ({ signal }) => fetchFields(recordType, signal), staleTime: 60_000 });

export const useViews = (recordType: string) =>
  useQuery({ queryKey: recordKeys.views(recordType), queryFn: ({ signal }) => fetchViews(recordType, signal) });

export const useMembers = () =>
  useQuery({ queryKey: recordKeys.members, queryFn: ({ signal }) => fetchMembers(signal), staleTime: 5 * 60_000, select: (p) => p.items });

/**
 * One keyset page of a record list. The API has no offsets, so "previous" walks back a stack of the
 * cursors that led here; a new search, filter or sort starts again from the first page.
 */
export function useRecordPage(recordType: string, plural: string, params: Omit<RecordListParams, 'cursor' | 'limit'>) {
  const identity = JSON.stringify(params);
  const [stack, setStack] = useState<{ identity: string; cursors: (string | undefined)[] }>({ identity, cursors: [undefined] });
  // A new query resets the stack during render rather than after it, so no stale page is fetched.
  const cursors = stack.identity === identity ? stack.cursors : [undefined];
  if (stack.identity !== identity) setStack({ identity, cursors });
  const cursor = cursors[cursors.length - 1];

  const full: RecordListParams = { ...params, cursor, limit: gridPageSize };
  const query = useQuery({
    queryKey: recordKeys.list(recordType, full),
    queryFn: ({ signal }) => fetchRecords(plural, full, signal),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);

  return {
    query,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) setStack({ identity, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ identity, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
