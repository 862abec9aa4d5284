import { useMutation, useQueryClient } from '@tanstack/react-query';
import { allowQuery } from '../duplicates/api.js';
import { patchRecord, recordKeys } from './api.js';

/** The PATCH body for one field: built-ins by name, custom fields merged key by key under `custom`. */
export function patchBody(path: string, value: unknown, version: number): Record<string, unknown> & { version: number } {
  if (path.startsWith('custom.')) return { custom: { [path.slice('custom.'.length)]: value ?? null }, version };
  return { [path]: value === '' ? null : value, version };
}

/** Saves one cell with the row's version; a 409 is left to the caller to show, nothing is overwritten; `allow` saves despite likely duplicates. */
export function useInlineEdit(recordType: string, plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, path, value, allow = false }: { id: string; version: number; path: string; value: unknown; allow?: boolean }) =>
      patchRecord(plural, id, patchBody(path, value, version), allowQuery(allow)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.all(recordType) }),
  });
}
