import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LtrText } from '../../components/LtrText.js';
import { PhoneNumber } from '../../components/PhoneNumber.js';
import { QueryMatches } from '../search/index.js';
import { valueAt, type FieldDef, type GridRecord } from './types.js';
import { useFieldText } from './useFieldText.js';

/** A computed display name beside an id field (ownerId → ownerName, companyId → companyName). */
const nameBeside: Record<string, string> = { ownerId: 'ownerName', companyId: 'companyName' };

/** One cell's value, read-only, formatted for its field type. */
export function CellValue({ record, field, path }: { record: GridRecord; field: FieldDef; path: string }) {
  const { t } = useTranslation();
  const { valueLabel, language } = useFieldText();
  const value = nameBeside[path] ? record[nameBeside[path]] : valueAt(record, path);
  const none = (
    <Text span c="dimmed" aria-label={t('grid.none')}>
      –
    </Text>
  );
  // The primary company's id without a name: it is in the trash or one the reader may not see.
  if (path === 'companyId' && (value === null || value === undefined) && record.companyId) {
    return (
      <Text span c="dimmed" fs="italic" data-state="unavailable">
        {t('grid.unavailableRecord')}
      </Text>
    );
  }
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return none;

  switch (field.type) {
    case 'tags':
    case 'multi_select':
      return (
        <Group gap={4} wrap="nowrap">
          {(value as string[]).map((v) => (
            <Badge key={v} variant="light" size="sm" tt="none">
              {field.type === 'tags' ? v : valueLabel(field, v)}
            </Badge>
          ))}
        </Group>
      );
    case 'select':
      return <>{valueLabel(field, String(value))}</>;
    case 'boolean':
      return <>{value ? t('grid.yes') : t('grid.no')}</>;
    case 'email':
      return (
        <LtrText>
          <QueryMatches text={String(value)} />
        </LtrText>
      );
    case 'url':
      return <LtrText>{String(value)}</LtrText>;
    case 'phone':
      return <PhoneNumber e164={String(value)} />;
    case 'datetime':
      return <>{new Date(String(value)).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })}</>;
    case 'money': {
      const money = value as { amount: number; currency: string };
      return <LtrText>{new Intl.NumberFormat(language, { style: 'currency', currency: money.currency || 'ILS' }).format(money.amount)}</LtrText>;
    }
    case 'relation': {
      // A built-in relation shows its name beside it (companyName); a custom one the name the server adds.
      const relation = typeof value === 'object' ? (value as { name?: string; id?: string; deleted?: boolean }) : { id: String(value), name: String(value) };
      if (relation.deleted) {
        return (
          <Text span c="dimmed" fs="italic" data-state="deleted">
            {t('grid.deletedRecord')}
          </Text>
        );
      }
      // No name: the target is one the reader may not see (the server names every other).
      if (relation.name === undefined) {
        return (
          <Text span c="dimmed" fs="italic" data-state="unavailable">
            {t('grid.unavailableRecord')}
          </Text>
        );
      }
      return <>{relation.name}</>;
    }
    case 'text':
      return typeof value === 'string' ? <QueryMatches text={value} /> : <>{String(value)}</>;
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}
