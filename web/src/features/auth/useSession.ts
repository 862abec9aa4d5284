import { useQuery } from '@tanstack/react-query';
import { sessionKey } from '../../app/queryClient.js';
import { fetchSession } from './api.js';

/** The session of this browser: `data` is null when logged out, undefined while loading. */
export const useSession = () => useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity });
