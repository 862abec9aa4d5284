import { ActionIcon, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ContactPoint {
  value: string;
  label: 'work' | 'home' | 'mobile' | 'other';
  primary: boolean;
}
const labels = ['work', 'home', 'mobile', 'other'] as const;

interface ContactPointsInputProps {
  kind: 'email' | 'phone';
  value: ContactPoint[];
  onChange: (points: ContactPoint[]) => void;
  /** Error texts by row index. */
  errors?: (string | undefined)[];
  testId: string;
}

/** Several emails or phones, each with a label (work, home, mobile) and one primary. */
export function ContactPointsInput({ kind, value, onChange, errors = [], testId }: ContactPointsInputProps) {
  const { t } = useTranslation();
  const title = kind === 'email' ? t('grid.emails') : t('grid.phones');
  const set = (i: number, patch: Partial<ContactPoint>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : patch.primary ? { ...p, primary: false } : p)));
  const remove = (i: number) => {
    const rest = value.filter((_, j) => j !== i);
    if (rest.length && !rest.some((p) => p.primary)) rest[0] = { ...rest[0]!, primary: true };
    onChange(rest);
  };

  return (
    <Stack gap={6} role="group" aria-label={title}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {value.map((point, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`${title} ${i + 1}`}
            type={kind === 'email' ? 'email' : 'tel'}
            dir="ltr"
            value={point.value}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
            error={errors[i]}
            style={{ flex: 1 }}
            data-testid={i === 0 ? testId : `${testId}-${i}`}
          />
          <Select
            aria-label={t('grid.label')}
            data={labels.map((l) => ({ value: l, label: t(`grid.values.label.${l}`) }))}
            value={point.label}
            onChange={(l) => set(i, { label: (l ?? 'work') as ContactPoint['label'] })}
            allowDeselect={false}
            w={100}
          />
          <Radio
            mt={8}
            aria-label={t('grid.primary')}
            title={t('grid.primary')}
            checked={point.primary}
            onChange={() => set(i, { primary: true })}
          />
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => remove(i)} aria-label={t('grid.remove')}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, { value: '', label: kind === 'phone' ? 'mobile' : 'work', primary: value.length === 0 }])}
      >
        {kind === 'email' ? t('grid.addEmail') : t('grid.addPhone')}
      </Button>
    </Stack>
  );
}

/** The rows that have a value, with one primary. */
export function filledPoints(points: ContactPoint[]): ContactPoint[] {
  const filled = points.filter((p) => p.value.trim()).map((p) => ({ ...p, value: p.value.trim() }));
  if (filled.length && !filled.some((p) => p.primary)) filled[0] = { ...filled[0]!, primary: true };
  return filled;
}
