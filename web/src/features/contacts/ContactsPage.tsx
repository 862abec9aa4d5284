import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ContactsEmpty } from './ContactsEmpty.js';
import { ContactsPager } from './ContactsPager.js';
import { ContactsSearch } from './ContactsSearch.js';
import { ContactsTable } from './ContactsTable.js';
import { useContactsPage } from './useContactsPage.js';

/** The contacts list: search (kept in the URL as ?q=), a keyset page of the table, and the pager. */
export function ContactsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { query, page, hasPrevious, hasNext, next, previous } = useContactsPage(q);
  const contacts = query.data?.items ?? [];

  return (
    <Stack gap="md" data-testid="contacts-page">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('contacts.title')}
        </Title>
        <Button component={Link} to="/contacts/new" data-testid="new-contact">
          {t('contacts.new')}
        </Button>
      </Group>
      <ContactsSearch value={q} onSearch={(text) => setParams(text ? { q: text } : {}, { replace: true })} />
      {query.isPending ? (
        <Center py="xl" data-testid="contacts-loading">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">{t('contacts.loading')}</Text>
          </Group>
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : contacts.length === 0 && page === 1 ? (
        <ContactsEmpty q={q} />
      ) : (
        <>
          <ContactsTable contacts={contacts} busy={query.isPlaceholderData} />
          <ContactsPager page={page} hasPrevious={hasPrevious} hasNext={hasNext} onPrevious={previous} onNext={next} />
        </>
      )}
    </Stack>
  );
}
