import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cardPath, mergePath, type DuplicateGroup, type DuplicateType } from './api.js';
import { Likelihood } from './Likelihood.js';
import { mergeReasons } from './reasons.js';
import { ReasonList } from './ReasonList.js';

interface GroupItemProps {
  type: DuplicateType;
  group: DuplicateGroup;
  onNotDuplicate: () => void;
  busy: boolean;
  /** False for a role that may not write records: the group is shown without its actions. */
  canAct: boolean;
}

/** One group of a scan: its records (links to their cards), how likely, why, merge or "not a duplicate". */
export function GroupItem({ type, group, onNotDuplicate, busy, canAct }: GroupItemProps) {
  const { t } = useTranslation();
  const names = group.records.map((r) => r.title).join(', ');
  return (
    <Paper withBorder p="md" component="li" data-testid="duplicate-group" data-id={group.id}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{t('duplicates.scan.group', { count: group.records.length })}</Text>
          <Likelihood score={group.score} />
        </Group>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {group.records.map((record) => (
            // A flex row keeps a name and its subtitle apart when both are Latin in a right-to-left page.
            <Group key={record.id} component="li" gap="xs" wrap="wrap">
              <Anchor component={Link} to={cardPath(type, record.id)} data-testid="duplicate-group-record" style={{ overflowWrap: 'anywhere' }}>
                {record.title}
              </Anchor>
              {record.subtitle && (
                <Text span size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {record.subtitle}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
        <ReasonList reasons={mergeReasons(group.pairs.map((p) => p.reasons))} />
        {canAct && (
          <Group gap="sm" justify="flex-end">
            <Button variant="default" size="xs" loading={busy} onClick={onNotDuplicate} aria-label={t('duplicates.scan.notDuplicateLabel', { names })} data-testid="duplicate-not">
              {t('duplicates.scan.notDuplicate')}
            </Button>
            <Button component={Link} to={mergePath(type, group.records.map((r) => r.id))} size="xs" aria-label={t('duplicates.scan.mergeLabel', { names })} data-testid="duplicate-group-merge">
              {t('duplicates.scan.merge')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
