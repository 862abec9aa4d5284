import { Badge, Button, Combobox, Group, Loader, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors.js';
import { isolate } from '../../app/i18n/textDirection.js';
import type { SearchAnswer, SearchGroup, SearchHit } from './api.js';
import { Highlighted } from './Highlighted.js';
import { cardPath, listPath } from './paths.js';
import { splitSegments } from './segments.js';

const typeNames = ['contact', 'company'] as const;
const hasName = (type: string): type is (typeof typeNames)[number] => (typeNames as readonly string[]).includes(type);

/** A part without a letter (a phone number) reads left to right even in a Hebrew list. */
const partDir = (text: string) => (/\p{L}/u.test(text) ? 'auto' : 'ltr');

/** Each part of a subtitle isolated in its own direction: a phone after a Hebrew company keeps its "+" in place. */
function Subtitle({ text, ranges }: { text: string; ranges: SearchHit['highlights']['subtitle'] }) {
  return splitSegments(text, ranges).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && ' · '}
      <Highlighted text={part.text} ranges={part.ranges} dir={part.phone ? 'ltr' : partDir(part.text)} />
    </Fragment>
  ));
}

function HitOption({ group, hit }: { group: SearchGroup; hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Combobox.Option value={cardPath(group.plural, hit.id)} data-testid="search-hit" data-record-id={hit.id} data-tier={hit.tier}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <div style={{ minInlineSize: 0 }}>
          <Text size="sm" fw={500} truncate data-testid="search-hit-title">
            <Highlighted text={hit.title} ranges={hit.highlights.title} />
          </Text>
          {hit.subtitle && (
            <Text size="xs" opacity={0.75} truncate data-testid="search-hit-subtitle">
              <Subtitle text={hit.subtitle} ranges={hit.highlights.subtitle} />
            </Text>
          )}
        </div>
        {hit.tier === 'fuzzy' && (
          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t('search.similar')}
          </Badge>
        )}
      </Group>
    </Combobox.Option>
  );
}

function GroupOptions({ group, q }: { group: SearchGroup; q: string }) {
  const { t } = useTranslation();
  const name = hasName(group.type) ? t(`search.types.${group.type}`) : group.plural;
  return (
    <Combobox.Group label={name} data-testid="search-group" data-type={group.type}>
      {group.items.map((hit) => (
        <HitOption key={hit.id} group={group} hit={hit} />
      ))}
      <Combobox.Option value={listPath(group.plural, q)} data-testid="search-see-all">
        <Text size="xs" fw={500} td="underline">
          {t('search.seeAll', { type: name })}
        </Text>
      </Combobox.Option>
    </Combobox.Group>
  );
}

/** The hits grouped by type, each group ending with a link to its list searched for the same text. */
export function SearchGroups({ q, answer }: { q: string; answer: SearchAnswer }) {
  return answer.groups.filter((g) => g.items.length > 0).map((group) => <GroupOptions key={group.type} group={group} q={q} />);
}

export const hasHits = (answer: SearchAnswer | undefined) => Boolean(answer?.groups.some((g) => g.items.length > 0));

interface SearchStatusProps {
  answer: SearchAnswer | undefined;
  error: unknown;
  onRetry: () => void;
}

/** Why there are no hits to show: still searching, nothing found, or a failure (outside the listbox). */
export function SearchStatus({ answer, error, onRetry }: SearchStatusProps) {
  const { t, i18n } = useTranslation();
  if (error && !answer) {
    return (
      <Stack gap={4} p="sm" align="center" data-testid="search-error" role="alert">
        <Text size="sm" c="red.8" ta="center">
          {t('search.error')} {describeError(t, error, i18n.language)}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onRetry} data-testid="search-retry">
          {t('search.retry')}
        </Button>
      </Stack>
    );
  }
  if (!answer) {
    return (
      <Group gap="xs" justify="center" p="sm" c="dimmed" fz="sm" data-testid="search-loading">
        <Loader size="xs" />
        {t('search.searching')}
      </Group>
    );
  }
  if (hasHits(answer)) return null;
  return (
    <Text size="sm" c="dimmed" ta="center" p="sm" data-testid="search-empty">
      {t('search.noResults', { q: isolate(answer.q) })}
    </Text>
  );
}
