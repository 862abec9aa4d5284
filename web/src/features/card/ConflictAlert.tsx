import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from './useCardRecord.js';

interface ConflictAlertProps {
  conflict: Conflict;
  onReload: () => Promise<void>;
  /** What changed, when not the card's record (an activity). */
  message?: string;
  testId?: string;
  reloadTestId?: string;
}

/** "Changed by X, reload": the user's input stays in the editor while they reload. */
export function ConflictAlert({ conflict, onReload, message, testId = 'card-conflict', reloadTestId = 'card-reload' }: ConflictAlertProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="orange" title={t('card.conflictTitle')} role="alert" data-testid={testId}>
      {message ?? (conflict.by ? t('card.conflictBy', { name: conflict.by }) : t('card.conflict'))}
      <Button
        display="block"
        mt="xs"
        size="xs"
        variant="light"
        color="orange"
        loading={busy}
        data-testid={reloadTestId}
        onClick={async () => {
          setBusy(true);
          await onReload().finally(() => setBusy(false));
        }}
      >
        {t('card.reload')}
      </Button>
    </Alert>
  );
}
