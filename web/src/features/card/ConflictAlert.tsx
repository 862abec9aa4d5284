import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from './useCardRecord.js';

/** "Changed by X, reload": the user's input stays in the editor while they reload. */
export function ConflictAlert({ conflict, onReload }: { conflict: Conflict; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="orange" title={t('card.conflictTitle')} role="alert" data-testid="card-conflict">
      {conflict.by ? t('card.conflictBy', { name: conflict.by }) : t('card.conflict')}
      <Button
        display="block"
        mt="xs"
        size="xs"
        variant="light"
        color="orange"
        loading={busy}
        data-testid="card-reload"
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
