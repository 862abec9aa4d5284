import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../../app/queryClient.js';
import { logIn } from './api.js';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: (session) => queryClient.setQueryData(sessionKey, session),
  });
}
