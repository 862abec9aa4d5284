import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { duplicateKeys, fetchLatestScan, markNotDuplicate, startScan, type DuplicateType, type ScanPage } from './api.js';

const pollMs = 1500;

/** The latest scan of a type with its groups page by page; polls while it runs. */
export function useScan(type: DuplicateType) {
  const queryClient = useQueryClient();
  const key = duplicateKeys.scan(type);
  const latest = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => fetchLatestScan(type, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages[0]?.scan?.status === 'running' ? pollMs : false),
  });
  const start = useMutation({
    mutationFn: () => startScan(type),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const notDuplicate = useMutation({
    mutationFn: ({ ids }: { groupId: string; ids: string[] }) => markNotDuplicate(type, ids),
    // The group leaves the list at once; the next scan will not form it again.
    onSuccess: (_, { groupId }) =>
      queryClient.setQueryData<InfiniteData<ScanPage, string | null>>(key, (data) =>
        data && { ...data, pages: data.pages.map((page) => ({ ...page, groups: page.groups.filter((g) => g.id !== groupId) })) },
      ),
  });
  const scan = latest.data?.pages[0]?.scan ?? null;
  const groups = latest.data?.pages.flatMap((page) => page.groups) ?? [];
  return { latest, scan, groups, start, notDuplicate };
}
