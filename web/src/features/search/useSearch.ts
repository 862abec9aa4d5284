import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/index.js';
import { searchEverything, searchKeys } from './api.js';

/** Short enough to feel live, long enough to skip most keystrokes of a fast typist. */
export const typingPause = 120;

/**
 * The search for what the user types, once they pause. The previous answer stays on screen while the
 * next one loads (no flicker), except across a workspace switch; a request for text that was typed
 * over is aborted (TanStack Query aborts the signal of a query nobody watches any more).
 */
export function useSearch(text: string) {
  const [q] = useDebouncedValue(text.trim(), typingPause);
  const workspaceId = useSession().data?.workspace?.id;
  const query = useQuery({
    queryKey: searchKeys.query(workspaceId, q),
    queryFn: ({ signal }) => searchEverything(q, signal),
    enabled: q !== '' && workspaceId !== undefined,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === (workspaceId ?? '') ? previous : undefined),
    staleTime: 15_000,
  });
  /** The answer is for exactly what the box holds now. */
  const settled = q === text.trim() && query.isSuccess && !query.isPlaceholderData;
  return { q, answer: query.data, error: query.error, fetching: query.isFetching || q !== text.trim(), settled, retry: query.refetch };
}
