import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fetchMerges, mergeKeys, undoMerge } from '../merge/api.js';
import { pluralOf } from './api.js';
import { useCard } from './CardContext.js';

/**
 * On the survivor's card: "Merged from X, Y on <date> — Undo" while the merge can be undone. A card
 * opened at a merged-away id got the survivor (the API redirects): the URL is replaced with its own.
 */
export function MergeBanner() {
  const { t, i18n } = useTranslation();
  const { recordType, record } = useCard();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (id && record.id !== id) void navigate(`/${pluralOf[recordType]}/${record.id}`, { replace: true });
  }, [id, record.id, recordType, navigate]);
  const merges = useQuery({ queryKey: mergeKeys.ofRecord(recordType, record.id), queryFn: ({ signal }) => fetchMerges(recordType, record.id, signal) });
  const undo = useMutation({
    mutationFn: undoMerge,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['records'] }).then(() => queryClient.invalidateQueries({ queryKey: ['merges'] })),
  });
  const open = (merges.data ?? []).filter((m) => m.survivorId === record.id && m.undoable);
  if (open.length === 0 && !undo.isError) return null;
  return (
    <>
      {open.map((m) => (
        <Alert key={m.id} color="grape" role="status" data-testid="merge-banner">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {t('merge.banner', {
                names: m.mergedNames.filter(Boolean).map((n) => `\u2068${n}\u2069`).join(', ') || t('merge.someRecords'),
                date: new Date(m.createdAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' }),
              })}
            </Text>
            <Button size="xs" variant="light" color="grape" loading={undo.isPending} onClick={() => undo.mutate(m.id)} data-testid="merge-undo">
              {t('merge.undo')}
            </Button>
          </Group>
        </Alert>
      ))}
      {undo.isError && <ErrorAlert error={undo.error} data-testid="merge-undo-error" />}
    </>
  );
}
