import { Anchor, Badge, Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LtrText } from '../../components/LtrText.js';
import { PhoneNumber } from '../../components/PhoneNumber.js';
import { useCard } from './CardContext.js';
import type { CardField } from './fields.js';
import { formatValue } from './fields.js';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A field's value as the card shows it: links for emails, phones and URLs, coloured badges for options. */
export function FieldValue({ field, value }: { field: CardField; value: unknown }) {
  const { t, i18n } = useTranslation();
  const { members, catalogue } = useCard();
  if (isEmpty(value)) return <Text c="dimmed">{t('card.empty')}</Text>;
  const text = formatValue({ t, lang: i18n.language, members, catalogue }, field.custom ? `custom.${field.key}` : field.key, value);
  switch (field.kind) {
    case 'email':
      return (
        <Anchor href={`mailto:${String(value)}`}>
          <LtrText>{String(value)}</LtrText>
        </Anchor>
      );
    case 'phone':
      return <PhoneNumber e164={String(value)} />;
    case 'url':
      return (
        <Anchor href={String(value)} target="_blank" rel="noopener noreferrer">
          <LtrText>{String(value)}</LtrText>
        </Anchor>
      );
    case 'rating':
      return <Rating readOnly value={Number(value)} count={typeof field.config.max === 'number' ? field.config.max : 5} />;
    case 'select':
    case 'multi_select':
    case 'tags': {
      const values = Array.isArray(value) ? (value as string[]) : [String(value)];
      return (
        <Group gap={4}>
          {values.map((v) => {
            const option = field.options.find((o) => o.value === v);
            return (
              <Badge key={v} variant="light" color={option?.color ?? 'gray'} tt="none">
                {option?.label ?? (field.kind === 'tags' ? v : formatValue({ t, lang: i18n.language, catalogue }, field.key, v))}
              </Badge>
            );
          })}
        </Group>
      );
    }
    case 'relation': {
      const rel = value as { recordType?: string; id?: string; name?: string; deleted?: boolean };
      const path = rel.recordType === 'company' ? 'companies' : 'contacts';
      // In the trash, or one the reader may not see (the server sends no name): nothing to open.
      if (rel.deleted || rel.name === undefined) {
        return (
          <Text c="dimmed" fs="italic" data-state={rel.deleted ? 'deleted' : 'unavailable'}>
            {t(rel.deleted ? 'grid.deletedRecord' : 'grid.unavailableRecord')}
          </Text>
        );
      }
      return rel.id ? (
        <Anchor component={Link} to={`/${path}/${rel.id}`}>
          {rel.name}
        </Anchor>
      ) : (
        <Text>{text}</Text>
      );
    }
    default:
      return (
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      );
  }
}
