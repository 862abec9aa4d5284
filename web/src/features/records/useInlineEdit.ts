import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patchRecord, recordKeys } from './api.js';

/** The PATCH body for one field: built-ins by name, custom fields merged key by key under `custom`. */
export function patchBody(path: string, value: unknown, version: number): Record<string, unknown> & { version: number } {
  if (path.startsWith('custom.')) return { custom: { [path.slice('custom.'.length)]: value ?? null }, version };
  return { [path]: value === '' ? null : value, version };
}

/** Saves one cell with the row's version; a 409 is left to the caller to show, nothing is overwritten. */
export function useInlineEdit(recordType: string, plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, path, value }: { id: string; version: number; path: string; value: unknown }) =>
      patchRecord(plural, id, patchBody(path, value, version)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.all(recordType) }),
  });
}
