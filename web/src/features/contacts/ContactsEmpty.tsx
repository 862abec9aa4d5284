import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** No contacts at all, or none matching the search. */
export function ContactsEmpty({ q }: { q: string }) {
  const { t } = useTranslation();
  if (q) {
    return <EmptyState my="xl" title={t('contacts.noMatches')} description={t('contacts.noMatchesHint', { q })} data-testid="contacts-empty" />;
  }
  return (
    <EmptyState my="xl" title={t('contacts.empty')} description={t('contacts.emptyHint')} data-testid="contacts-empty">
      <EmptyState.Actions>
        <Button component={Link} to="/contacts/new">
          {t('contacts.new')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
