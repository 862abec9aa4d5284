import { useTranslation } from 'react-i18next';
import { RecordListPage, type RecordListConfig } from '../records/index.js';

export const contactListConfig: RecordListConfig = {
  recordType: 'contact',
  plural: 'contacts',
  defaultColumns: ['name', 'email', 'phone', 'companyId', 'stage', 'ownerId', 'tags'],
  defaultSort: 'name',
  bulkActions: ['set_owner', 'add_tag', 'remove_tag', 'set_stage', 'delete'],
};

/** The contacts list: the generic grid over contacts. */
export function ContactsPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      config={contactListConfig}
      title={t('contacts.title')}
      newLabel={t('contacts.new')}
      empty={{ title: t('contacts.empty'), description: t('contacts.emptyHint') }}
      noMatches={(q) => ({ title: t('contacts.noMatches'), description: q ? t('contacts.noMatchesHint', { q }) : t('grid.noMatchesHint') })}
    />
  );
}
