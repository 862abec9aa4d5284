import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import {
  createCustomField,
  customFieldTypes,
  settingsKeys,
  updateCustomField,
  type CustomField,
  type CustomFieldType,
  type OptionInput,
  type SettingsRecordType,
} from './api.js';
import { OptionsEditor } from './OptionsEditor.js';

interface FieldFormModalProps {
  recordType: SettingsRecordType;
  /** The field to edit; undefined creates one. */
  field?: CustomField;
  onClose: () => void;
}

const hasOptions = (type: string) => type === 'select' || type === 'multi_select';

/** Create a custom field, or rename one and edit its options (its type and key never change). */
export function FieldFormModal({ recordType, field, onClose }: FieldFormModalProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [labelHe, setLabelHe] = useState(field?.labelHe ?? '');
  const [labelEn, setLabelEn] = useState(field?.labelEn ?? '');
  const [type, setType] = useState<CustomFieldType>((field?.type as CustomFieldType) ?? 'text');
  const [required, setRequired] = useState(field?.required ?? false);
  const [options, setOptions] = useState<OptionInput[]>(
    (field?.options ?? []).map((o) => ({ id: o.id, labelHe: o.labelHe, labelEn: o.labelEn, color: o.color ?? null, archived: o.archived ?? false })),
  );
  const [ratingMax, setRatingMax] = useState<number>(typeof field?.config?.max === 'number' ? field.config.max : 5);
  const [target, setTarget] = useState<string>(typeof field?.config?.target === 'string' ? field.config.target : 'contact');

  const config = type === 'rating' ? { max: ratingMax } : type === 'relation' ? { target } : type === 'money' ? { currency: 'ILS' } : undefined;
  const mutation = useMutation({
    mutationFn: () => {
      const opts = hasOptions(type) ? options.map((o) => ({ ...o, labelHe: o.labelHe.trim(), labelEn: o.labelEn.trim() })) : undefined;
      return field
        ? updateCustomField(field.id, { labelHe: labelHe.trim(), labelEn: labelEn.trim(), options: opts, config, required, version: field.version })
        : createCustomField({ recordType, labelHe: labelHe.trim(), labelEn: labelEn.trim(), type, options: opts, config, required });
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'teal',
        message: t(field ? 'card.settings.fields.saved' : 'card.settings.fields.created', { name: i18n.language === 'he' ? saved.labelHe : saved.labelEn }),
      });
      await queryClient.invalidateQueries({ queryKey: settingsKeys.customFields(recordType) });
      void queryClient.invalidateQueries({ queryKey: ['fields', recordType] });
      onClose();
    },
  });
  const fieldError = (path: string) =>
    isApiError(mutation.error, 'validation_failed') && mutation.error.fields.some((f) => f.path === path || f.path.startsWith(`${path}.`))
      ? t('validation.invalid')
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={field ? t('card.settings.fields.editTitle') : t('card.settings.fields.new')} size="lg">
      <form onSubmit={submit} data-testid="field-form">
        <Stack gap="sm">
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('card.settings.fields.labelHe')}
              required
              dir="rtl"
              lang="he"
              value={labelHe}
              onChange={(e) => setLabelHe(e.currentTarget.value)}
              error={fieldError('labelHe')}
              data-autofocus
              data-testid="field-label-he"
            />
            <TextInput
              label={t('card.settings.fields.labelEn')}
              required
              dir="ltr"
              lang="en"
              value={labelEn}
              onChange={(e) => setLabelEn(e.currentTarget.value)}
              error={fieldError('labelEn')}
              data-testid="field-label-en"
            />
          </SimpleGrid>
          <Select
            label={t('card.settings.fields.type')}
            disabled={!!field}
            allowDeselect={false}
            value={type}
            onChange={(v) => v && setType(v as CustomFieldType)}
            data={customFieldTypes.map((v) => ({ value: v, label: t(`card.settings.fields.types.${v}`) }))}
            data-testid="field-type"
          />
          {hasOptions(type) && <OptionsEditor options={options} onChange={setOptions} error={fieldError('options')} />}
          {type === 'rating' && (
            <NumberInput label={t('card.settings.fields.ratingMax')} min={2} max={10} value={ratingMax} onChange={(v) => typeof v === 'number' && setRatingMax(v)} />
          )}
          {type === 'relation' && (
            <Select
              label={t('card.settings.fields.target')}
              allowDeselect={false}
              value={target}
              onChange={(v) => v && setTarget(v)}
              data={[
                { value: 'contact', label: t('card.recordType.contact') },
                { value: 'company', label: t('card.recordType.company') },
              ]}
            />
          )}
          <Checkbox label={t('card.settings.fields.required')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('card.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="field-form-save">
              {field ? t('card.save') : t('card.settings.fields.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
