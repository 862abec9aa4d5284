import type { ReactNode } from 'react';
import { Center } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FullPageLoader } from '../../components/FullPageLoader.js';
import { useSession } from './useSession.js';

/** Renders its children for a logged-in user; anyone else goes to /login and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Center>
    );
  }
  if (!session) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}
