import { Anchor, Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LtrText } from '../../components/LtrText.js';
import { formatPhone } from '../../components/PhoneNumber.js';
import { pointsOf } from '../records/ContactPointsInput.js';
import { displayName } from './api.js';
import { useCard } from './CardContext.js';
import { builtinOptions, contactTypes } from './fields.js';
import { Icon } from './Icon.js';

/** wa.me takes the number's digits only, country code first. */
export const whatsAppLink = (e164: string) => `https://wa.me/${e164.replace(/\D/g, '')}`;

/** A header selector (stage, owner) that saves at once and keeps the choice shown if the save fails. */
function SavingSelect({ field, label, data, value }: { field: string; label: string; data: { value: string; label: string }[]; value: string | null }) {
  const { record, save, reloads } = useCard();
  // A choice that failed stays shown until the card is reloaded; then the stored value shows again.
  const [failed, setFailed] = useState<{ value: string | null; at: number } | null>(null);
  const pending = failed && failed.at === reloads ? failed.value : undefined;
  return (
    <Select
      label={label}
      size="xs"
      w={180}
      searchable={data.length > 8}
      allowDeselect={false}
      data={data}
      value={pending !== undefined ? pending : value}
      data-testid={`header-${field}`}
      onChange={async (next) => {
        setFailed({ value: next, at: reloads });
        if (await save({ [field]: next }, record.version)) setFailed(null);
      }}
    />
  );
}

export function CardHeader() {
  const { t } = useTranslation();
  const { recordType, record, members } = useCard();
  const name = displayName(record) || t('card.noName');
  // Every phone and email is a link, the primary one first.
  const phones = pointsOf(record.phones, record.phone, 'mobile');
  const emails = pointsOf(record.emails, record.email, 'work');
  const phone = phones[0]?.value ?? null;
  const type = record.type && (contactTypes as readonly string[]).includes(record.type) ? t(`card.contactType.${record.type as (typeof contactTypes)[number]}`) : null;

  return (
    <Paper withBorder p="md" data-testid="card-header">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} size="h2" data-testid="card-name">
            {name}
          </Title>
          <Badge variant="light" color="gray" tt="none">
            {t(`card.recordType.${recordType}`)}
          </Badge>
          {recordType === 'contact' && type && (
            <Badge variant="light" tt="none" data-testid="card-type">
              {type}
            </Badge>
          )}
        </Group>
        <Group gap="md" align="flex-end">
          {recordType === 'contact' && (
            <SavingSelect field="stage" label={t('card.fields.stage')} data={builtinOptions(t, 'stage')} value={record.stage ?? null} />
          )}
          <SavingSelect
            field="ownerId"
            label={t('card.fields.ownerId')}
            data={members.map((m) => ({ value: m.userId, label: m.name }))}
            value={record.ownerId ?? null}
          />
        </Group>
        <Group gap="lg" wrap="wrap">
          {phones.map((p, i) => (
            <Anchor key={p.value} href={`tel:${p.value}`} data-testid={i === 0 ? 'card-phone' : 'card-phone-other'} aria-label={t('card.call', { phone: formatPhone(p.value) })}>
              <Group gap={4} wrap="nowrap">
                <Icon name="phone" size={16} />
                <LtrText>{formatPhone(p.value)}</LtrText>
                {phones.length > 1 && p.label && <Text span size="xs" c="dimmed">{t(`card.contactLabel.${p.label}`)}</Text>}
              </Group>
            </Anchor>
          ))}
          {phone && (
            <Anchor href={whatsAppLink(phone)} target="_blank" rel="noopener noreferrer" data-testid="card-whatsapp">
              <Group gap={4} wrap="nowrap">
                <Icon name="whatsapp" size={16} />
                <Text inherit>{t('card.whatsapp')}</Text>
              </Group>
            </Anchor>
          )}
          {emails.map((e, i) => (
            <Anchor key={e.value} href={`mailto:${e.value}`} data-testid={i === 0 ? 'card-email' : 'card-email-other'}>
              <Group gap={4} wrap="nowrap">
                <Icon name="mail" size={16} />
                <LtrText>{e.value}</LtrText>
                {emails.length > 1 && e.label && <Text span size="xs" c="dimmed">{t(`card.contactLabel.${e.label}`)}</Text>}
              </Group>
            </Anchor>
          ))}
          {recordType === 'company' && typeof record.domain === 'string' && record.domain && (
            <Anchor href={`https://${record.domain}`} target="_blank" rel="noopener noreferrer" data-testid="card-domain">
              <LtrText>{record.domain}</LtrText>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
