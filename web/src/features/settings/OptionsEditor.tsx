import { ActionIcon, Button, ColorInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../card/Icon.js';
import type { OptionInput } from './api.js';

const swatches = ['#868e96', '#fa5252', '#e64980', '#be4bdb', '#7950f2', '#4c6ef5', '#228be6', '#15aabf', '#12b886', '#40c057', '#82c91e', '#fab005', '#fd7e14'];

interface OptionsEditorProps {
  options: OptionInput[];
  onChange: (options: OptionInput[]) => void;
  error?: string;
}

/** The options of a choice field: a label in each language and a colour, in order. */
export function OptionsEditor({ options, onChange, error }: OptionsEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OptionInput>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...options];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    onChange(next);
  };
  return (
    <Stack gap="xs" data-testid="options-editor">
      <Text size="sm" fw={500}>
        {t('card.settings.fields.options')}
      </Text>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {options.map((o, i) =>
        o.archived ? null : (
          <Group key={o.id ?? `new-${i}`} gap="xs" align="flex-end" wrap="wrap" data-testid="option-row">
            <TextInput size="xs" label={t('card.settings.fields.optionHe')} value={o.labelHe} onChange={(e) => set(i, { labelHe: e.currentTarget.value })} dir="rtl" lang="he" data-testid="option-he" />
            <TextInput size="xs" label={t('card.settings.fields.optionEn')} value={o.labelEn} onChange={(e) => set(i, { labelEn: e.currentTarget.value })} dir="ltr" lang="en" data-testid="option-en" />
            <ColorInput size="xs" w={130} label={t('card.settings.fields.color')} swatches={swatches} value={o.color ?? ''} onChange={(c) => set(i, { color: c || null })} />
            <Group gap={2}>
              <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('card.settings.fields.moveUp', { name: o.labelEn || o.labelHe || String(i + 1) })} onClick={() => move(i, -1)}>
                <Icon name="up" size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === options.length - 1}
                aria-label={t('card.settings.fields.moveDown', { name: o.labelEn || o.labelHe || String(i + 1) })}
                onClick={() => move(i, 1)}
              >
                <Icon name="down" size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('card.settings.fields.removeOption', { n: i + 1 })}
                // A stored option is archived, not dropped: records may still hold its id.
                onClick={() => (o.id ? set(i, { archived: true }) : onChange(options.filter((_, j) => j !== i)))}
              >
                <Icon name="x" size={16} />
              </ActionIcon>
            </Group>
          </Group>
        ),
      )}
      <Button size="xs" variant="light" w="fit-content" onClick={() => onChange([...options, { labelHe: '', labelEn: '', color: swatches[(options.length + 6) % swatches.length]! }])} data-testid="option-add">
        {t('card.settings.fields.addOption')}
      </Button>
    </Stack>
  );
}
