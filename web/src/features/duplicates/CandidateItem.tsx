import { Anchor, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cardPath, mergePath, type Candidate, type DuplicateType } from './api.js';
import { Likelihood } from './Likelihood.js';
import { ReasonList } from './ReasonList.js';

interface CandidateItemProps {
  type: DuplicateType;
  candidate: Candidate;
  /** The record being edited: offers a merge with it. A draft (a create) has nothing to merge yet. */
  recordId?: string;
  /** Called when the user leaves for the merge page (the edit is given up). */
  onMerge: () => void;
}

/** "Maybe this is X": who, how likely, why, and what to do about it. */
export function CandidateItem({ type, candidate, recordId, onMerge }: CandidateItemProps) {
  const { t } = useTranslation();
  const hidden = candidate.hidden === true;
  const name = hidden ? t('duplicates.panel.hidden') : candidate.title;
  return (
    <Paper withBorder p="sm" component="li" data-testid="duplicate-candidate" data-id={candidate.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Box miw={0}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {hidden ? name : t('duplicates.panel.maybe', { name })}
            </Text>
            {candidate.subtitle && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {candidate.subtitle}
              </Text>
            )}
          </Box>
          <Likelihood score={candidate.score} level={candidate.level} />
        </Group>
        <ReasonList reasons={candidate.reasons} />
        {!hidden && (
          <Group gap="xs">
            {/* A new tab keeps the draft (and the question) where it is. */}
            <Anchor href={cardPath(type, candidate.id)} target="_blank" rel="noopener" size="sm" aria-label={t('duplicates.panel.openLabel', { name })} data-testid="duplicate-open">
              {t('duplicates.panel.open')}
            </Anchor>
            {recordId && (
              <Button
                component={Link}
                to={mergePath(type, [recordId, candidate.id])}
                size="xs"
                variant="light"
                onClick={onMerge}
                aria-label={t('duplicates.panel.mergeLabel', { name })}
                data-testid="duplicate-merge"
              >
                {t('duplicates.panel.merge')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
