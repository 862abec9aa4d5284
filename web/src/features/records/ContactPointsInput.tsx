import { ActionIcon, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowErrors, serverFieldErrors } from './serverErrors.js';

export interface ContactPoint {
  value: string;
  label: 'work' | 'home' | 'mobile' | 'other';
  primary: boolean;
}
export const contactPointLabels = ['work', 'home', 'mobile', 'other'] as const;
const labels = contactPointLabels;
/** What the contract's labelled lists say of a value given twice (src/domain/records/input.ts). */
const duplicateMessage = 'Listed twice';
const isLabel = (l: unknown): l is ContactPoint['label'] => (labels as readonly unknown[]).includes(l);

interface ContactPointsInputProps {
  kind: 'email' | 'phone';
  value: ContactPoint[];
  onChange: (points: ContactPoint[]) => void;
  /** A failed save: its field errors (`emails.1.value`, or the `email` shortcut) show on their rows. */
  failure?: unknown;
  testId: string;
}

/** Several emails or phones, each with a label (work, home, mobile) and one primary. */
export function ContactPointsInput({ kind, value, onChange, failure, testId }: ContactPointsInputProps) {
  const { t } = useTranslation();
  const server = serverFieldErrors(failure);
  // The server's duplicate check names the row; say so rather than "not a valid email".
  const errors = rowErrors(t, server, `${kind}s`, value.length, kind).map((text, i) =>
    server.get(`${kind}s.${i}.value`) === duplicateMessage ? t('validation.listedTwice') : text,
  );
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
            aria-label={`${t('grid.label')} ${i + 1}`}
            data-testid={`${testId}-label-${i}`}
            data={labels.map((l) => ({ value: l, label: t(`grid.values.label.${l}`) }))}
            value={point.label}
            onChange={(l) => set(i, { label: (l ?? 'work') as ContactPoint['label'] })}
            allowDeselect={false}
            w={100}
          />
          <Radio
            mt={8}
            aria-label={`${t('grid.primary')} ${i + 1}`}
            data-testid={`${testId}-primary-${i}`}
            title={t('grid.primary')}
            checked={point.primary}
            onChange={() => set(i, { primary: true })}
          />
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => remove(i)} aria-label={`${t('grid.remove')} ${i + 1}`} data-testid={`${testId}-remove-${i}`}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        data-testid={`${testId}-add`}
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

/**
 * A record's stored list as rows, the primary first: the list when there is one, else the single
 * primary value (`email`/`phone`) the record carries.
 */
export function pointsOf(
  list: { value: string; label?: string | null; primary?: boolean | null }[] | null | undefined,
  primary: string | null | undefined,
  fallbackLabel: ContactPoint['label'],
): ContactPoint[] {
  const all = list?.length ? list : primary ? [{ value: primary, label: fallbackLabel, primary: true }] : [];
  return all
    .map((p) => ({ value: p.value, label: isLabel(p.label) ? p.label : fallbackLabel, primary: !!p.primary }))
    .sort((a, b) => Number(b.primary) - Number(a.primary));
}
