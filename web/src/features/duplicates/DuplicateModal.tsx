import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DuplicateType } from './api.js';
import { DuplicatePanel } from './DuplicatePanel.js';
import type { DuplicatePrompt } from './useDuplicatePrompt.js';

/** The duplicate question of an edit on a card; closing it goes back to the edit. */
export function DuplicateModal({ type, recordId, prompt }: { type: DuplicateType; recordId: string; prompt: DuplicatePrompt }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={prompt.candidates !== null}
      onClose={() => prompt.answer(false)}
      title={t('duplicates.panel.title')}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('duplicates.panel.back') }}
      data-testid="duplicate-panel"
    >
      {prompt.candidates && <DuplicatePanel type={type} candidates={prompt.candidates} recordId={recordId} onAnswer={prompt.answer} stickyAnswers />}
    </Modal>
  );
}
