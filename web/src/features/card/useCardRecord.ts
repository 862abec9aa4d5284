import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError } from '../../app/api.js';
import { allowQuery, saveWithDuplicateStep, touchesIdentity, useDuplicatePrompt } from '../duplicates/index.js';
import { cardKeys, fetchRecord, updateRecord, type CardRecord, type CardRecordType } from './api.js';

/** A stale edit: who changed the record since the card loaded it. */
export interface Conflict {
  by: string | null;
}

/**
 * The card's record and its one way to change it: every edit PATCHes with the version the card
 * shows. On a 409 the edit is not lost (the editor keeps its input) and `conflict` says who won.
 * An edit of a name, email or phone that makes the record look like another asks first (`duplicates`).
 */
export function useCardRecord(type: CardRecordType, id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: cardKeys.record(type, id), queryFn: ({ signal }) => fetchRecord(type, id, signal) });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const duplicates = useDuplicatePrompt();
  const { ask } = duplicates;

  const mutation = useMutation({
    mutationFn: ({ patch, version, allow }: { patch: Record<string, unknown>; version: number; allow: boolean }) =>
      updateRecord(type, id, patch, version, allowQuery(allow)),
    onSuccess: (updated: CardRecord) => {
      queryClient.setQueryData(cardKeys.record(type, id), updated);
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['history', type, id] });
      void queryClient.invalidateQueries({ queryKey: ['records', type, 'list'] });
    },
  });

  /** Saves a change made on `version` (what the editor showed when it opened); true when stored. */
  const save = useCallback(
    async (patch: Record<string, unknown>, version: number) => {
      setFailure(null);
      try {
        const saved = await saveWithDuplicateStep({
          type,
          record: patch,
          id,
          check: touchesIdentity(patch),
          ask,
          save: (allow) => mutation.mutateAsync({ patch, version, allow }),
        });
        // Back to the edit: the editor keeps its input.
        if (saved === null) return false;
        setConflict(null);
        return true;
      } catch (error) {
        if (isApiError(error, 'version_conflict')) {
          const by = error.details.updatedByName;
          setConflict({ by: typeof by === 'string' ? by : null });
        } else {
          setFailure(error);
        }
        return false;
      }
    },
    [mutation, ask, type, id],
  );

  const reload = useCallback(async () => {
    await query.refetch();
    setConflict(null);
    setReloads((n) => n + 1);
  }, [query]);

  // `reloads` lets an editor that met a conflict take the reloaded version while keeping its input.
  return { query, record: query.data, save, saving: mutation.isPending, conflict, failure, reload, reloads, duplicates };
}
