import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionKey } from '../../app/queryClient.js';
import { acceptInvitation } from './api.js';

/** Accepts, then continues in the joined workspace with the session the answer carries. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: async (accepted) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, accepted.session);
      // The answer carries no "you were added" notices (they name other users): fetch them with the session.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      await navigate('/contacts', { replace: true });
    },
  });
}
