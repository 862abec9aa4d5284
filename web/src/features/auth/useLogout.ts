import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionKey } from '../../app/queryClient.js';
import { logOut } from './api.js';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logOut,
    // Even if the server could not be told, this browser forgets the user's data.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      void navigate('/login', { replace: true });
    },
  });
}
