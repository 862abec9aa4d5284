import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../src/domain/contacts/schema.js';
import { LtrText } from '../../components/LtrText.js';
import { PhoneNumber } from '../../components/PhoneNumber.js';

const fullName = (c: Contact) => [c.firstName, c.lastName].filter(Boolean).join(' ');

export function ContactsTable({ contacts, busy }: { contacts: Contact[]; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="contacts-table" aria-busy={busy} opacity={busy ? 0.6 : 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('contacts.email')}</Table.Th>
            <Table.Th>{t('contacts.phone')}</Table.Th>
            <Table.Th>{t('contacts.company')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-testid="contact-row" data-contact-id={contact.id}>
              <Table.Td fw={500} data-testid="contact-name">
                {fullName(contact)}
              </Table.Td>
              <Table.Td data-testid="contact-email">{contact.email && <LtrText>{contact.email}</LtrText>}</Table.Td>
              <Table.Td data-testid="contact-phone">{contact.phone && <PhoneNumber e164={contact.phone} />}</Table.Td>
              <Table.Td data-testid="contact-company">{contact.companyName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
