import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Candidate, DuplicateType } from './api.js';
import { CandidateItem } from './CandidateItem.js';

export interface DuplicatePanelProps {
  type: DuplicateType;
  candidates: Candidate[];
  /** The record being edited; absent for a create. */
  recordId?: string;
  /** true: save anyway; false: back to the draft. */
  onAnswer: (saveAnyway: boolean) => void;
  /** Keep the answers in view at the bottom while the candidates scroll (the card's dialog, full screen on a phone). */
  stickyAnswers?: boolean;
}

/** The candidates of a save and the two ways on: back to the draft, or save anyway. */
export function DuplicatePanel({ type, candidates, recordId, onAnswer, stickyAnswers = false }: DuplicatePanelProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm">{t(recordId ? 'duplicates.panel.introEdit' : 'duplicates.panel.introCreate')}</Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {candidates.map((candidate) => (
          <CandidateItem key={candidate.id} type={type} candidate={candidate} recordId={recordId} onMerge={() => onAnswer(false)} />
        ))}
      </Stack>
      {/* In a dialog the answers stay in view under a long list; on a page they follow the candidates. */}
      <Group justify="flex-end" gap="sm" py="xs" style={stickyAnswers ? { position: 'sticky', insetBlockEnd: 0, background: 'var(--mantine-color-body)' } : undefined}>
        <Button variant="default" onClick={() => onAnswer(false)} data-testid="duplicate-back">
          {t('duplicates.panel.back')}
        </Button>
        <Button color="orange" onClick={() => onAnswer(true)} data-testid="duplicate-save-anyway">
          {t('duplicates.panel.saveAnyway')}
        </Button>
      </Group>
    </Stack>
  );
}
