import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ConflictAlert } from '../card/ConflictAlert.js';
import { ActivityFields } from './ActivityFields.js';
import { fetchActivity, updateActivity, type Activity } from './api.js';
import { canSubmit, draftFields, draftOf, type ActivityDraft } from './draft.js';

/** The draft's fields, without times left as they were (the input drops their seconds). */
function changedFields(initial: ActivityDraft, draft: ActivityDraft) {
  const fields = draftFields(draft);
  if (draft.start === initial.start) delete fields.occurredAt;
  if (draft.end === initial.end) delete fields.endsAt;
  return fields;
}

/**
 * Edits an activity in place with the composer's fields, on the version it was opened at: a stale
 * save is a conflict that keeps the input; reloading takes the current version and saves on it.
 */
export function ActivityEditForm({ activity, onDone }: { activity: Activity; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [initial] = useState(() => draftOf(activity));
  const [draft, setDraft] = useState(initial);
  const [version, setVersion] = useState(activity.version ?? 1);
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: () => updateActivity(activity.id, changedFields(initial, draft), version),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
      onDone();
    },
    onError: (error) => setConflict(isApiError(error, 'version_conflict')),
  });
  const reload = async () => {
    const current = await fetchActivity(activity.id);
    setVersion(current.version ?? version);
    setConflict(false);
    mutation.reset();
    await queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDone();
  };

  return (
    <form onSubmit={submit} onKeyDown={cancelOnEscape} data-testid="activity-edit" aria-label={t('card.timeline.editTitle')}>
      <Stack gap="sm">
        {conflict ? (
          <ConflictAlert
            conflict={{ by: null }}
            onReload={reload}
            message={t('card.timeline.conflict')}
            testId="activity-conflict"
            reloadTestId="activity-reload"
          />
        ) : (
          mutation.isError && <ErrorAlert error={mutation.error} />
        )}
        <ActivityFields
          draft={draft}
          onChange={(patch: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...patch }))}
          prefix="activity-edit"
          failure={mutation.error}
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone} data-testid="activity-edit-cancel">
            {t('card.cancel')}
          </Button>
          <Button type="submit" size="xs" disabled={!canSubmit(draft)} loading={mutation.isPending} data-testid="activity-edit-save">
            {t('card.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
