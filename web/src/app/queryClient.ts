import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.js';

export const sessionKey = ['session'] as const;

/** Retry only what may pass on a second try: no answer, or the server being unavailable. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && isApiError(error) && (error.code === 'network' || error.code === 'unavailable');

export function createQueryClient() {
  // A session that ended elsewhere (logout in another tab, expiry) sends the user to the login page.
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) client.setQueryData(sessionKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
