import { useMutation, useQueryClient } from '@tanstack/react-query';
import { allowQuery } from '../duplicates/api.js';
import { patchRecord, recordKeys } from './api.js';

/** The change of one field: built-ins by name, custom fields merged key by key under `custom`. */
export function fieldPatch(path: string, value: unknown): Record<string, unknown> {
  if (path.startsWith('custom.')) return { custom: { [path.slice('custom.'.length)]: value ?? null } };
  return { [path]: value === '' ? null : value };
}

/** Saves one cell's patch with the row's version; a 409 is left to the caller to show, nothing is overwritten; `allow` saves despite likely duplicates. */
export function useInlineEdit(recordType: string, plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch, allow = false }: { id: string; version: number; patch: Record<string, unknown>; allow?: boolean }) =>
      patchRecord(plural, id, { ...patch, version }, allowQuery(allow)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.all(recordType) }),
  });
}
