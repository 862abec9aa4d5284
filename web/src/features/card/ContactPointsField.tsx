import { ActionIcon, Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LtrText } from '../../components/LtrText.js';
import { formatPhone } from '../../components/PhoneNumber.js';
import { ContactPointsInput, filledPoints, pointsOf, type ContactPoint } from '../records/ContactPointsInput.js';
import { useCard } from './CardContext.js';
import { whatsAppLink } from './CardHeader.js';
import type { CardField } from './fields.js';
import { Icon } from './Icon.js';

interface Draft {
  points: ContactPoint[];
  /** The version the user saw when starting the edit: the PATCH is made on it. */
  version: number;
  /** After a failed save: the reload count then, so a save after a reload uses the reloaded version. */
  conflictAt: number | null;
}

/** One stored email or phone as links: mailto, tel, and WhatsApp for a mobile. */
function PointLinks({ kind, point }: { kind: 'email' | 'phone'; point: ContactPoint }) {
  const { t } = useTranslation();
  const shown = kind === 'phone' ? formatPhone(point.value) : point.value;
  return (
    <Group gap="xs" wrap="wrap" data-testid="point" data-label={point.label} data-primary={point.primary}>
      <Anchor href={`${kind === 'phone' ? 'tel' : 'mailto'}:${point.value}`} data-testid="point-link" style={{ overflowWrap: 'anywhere' }}>
        <LtrText>{shown}</LtrText>
      </Anchor>
      <Text span size="xs" c="dimmed">
        {t(`card.contactLabel.${point.label}`)}
      </Text>
      {point.primary && (
        <Badge size="xs" variant="light" tt="none">
          {t('card.primary')}
        </Badge>
      )}
      {kind === 'phone' && point.label === 'mobile' && (
        <Anchor href={whatsAppLink(point.value)} target="_blank" rel="noopener noreferrer" size="sm" data-testid="point-whatsapp" aria-label={t('card.whatsappTo', { phone: shown })}>
          <Group gap={4} wrap="nowrap">
            <Icon name="whatsapp" size={14} />
            <Text inherit>{t('card.whatsapp')}</Text>
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

/**
 * All of a record's emails or phones, edited as one list in place (add, remove, relabel, choose the
 * primary) with the editor the create forms use; saved with the card's version like any field.
 */
export function ContactPointsField({ field }: { field: CardField }) {
  const { t } = useTranslation();
  const { recordType, record, save, saving, reloads, failure } = useCard();
  const kind = field.key === 'emails' ? 'email' : 'phone';
  // A person's phone is most often a mobile; a company's, and any email, a work one.
  const usualLabel = kind === 'phone' && recordType === 'contact' ? 'mobile' : 'work';
  const stored = pointsOf(kind === 'email' ? record.emails : record.phones, kind === 'email' ? record.email : record.phone, usualLabel);
  const [draft, setDraft] = useState<Draft | null>(null);
  const testId = `card-${field.key}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const version = draft.conflictAt !== null && reloads > draft.conflictAt ? record.version : draft.version;
    // Blank rows go before saving, so the server's row numbers (emails.1.value) match the rows shown.
    const points = filledPoints(draft.points);
    const ok = await save({ [field.key]: points }, version);
    setDraft(ok ? null : { points, version, conflictAt: reloads });
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setDraft(null);
  };

  if (draft) {
    return (
      <Box component="form" onSubmit={submit} onKeyDown={cancelOnEscape} data-testid={`field-${field.key}`} data-editing="true">
        <Stack gap={6}>
          <ContactPointsInput
            kind={kind}
            value={draft.points}
            onChange={(points) => setDraft({ ...draft, points })}
            failure={draft.conflictAt === reloads ? failure : null}
            testId={testId}
          />
          <Group gap="xs">
            <Button type="submit" size="xs" loading={saving} data-testid={`field-save-${field.key}`}>
              {t('card.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDraft(null)} data-testid={`field-cancel-${field.key}`}>
              {t('card.cancel')}
            </Button>
          </Group>
        </Stack>
      </Box>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" data-testid={`field-${field.key}`}>
      <Box miw={0}>
        <Text size="xs" c="dimmed">
          {field.label}
        </Text>
        <Stack gap={2} data-testid={`field-value-${field.key}`}>
          {stored.length === 0 && <Text c="dimmed">{t('card.empty')}</Text>}
          {stored.map((p) => (
            <PointLinks key={p.value} kind={kind} point={p} />
          ))}
        </Stack>
      </Box>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={t('card.editField', { field: field.label })}
        onClick={() =>
          setDraft({
            // Phones as people type them; the server takes any format and stores E.164.
            points: stored.length ? stored.map((p) => (kind === 'phone' ? { ...p, value: formatPhone(p.value) } : p)) : [{ value: '', label: usualLabel, primary: true }],
            version: record.version,
            conflictAt: null,
          })
        }
        data-testid={`field-edit-${field.key}`}
      >
        <Icon name="pencil" size={16} />
      </ActionIcon>
    </Group>
  );
}
