import { useTranslation } from 'react-i18next';
import { RecordListPage, type RecordListConfig } from '../records/index.js';

export const companyListConfig: RecordListConfig = {
  recordType: 'company',
  plural: 'companies',
  defaultColumns: ['name', 'domain', 'phone', 'industry', 'size', 'ownerId', 'tags'],
  defaultSort: 'name',
  bulkActions: ['set_owner', 'add_tag', 'remove_tag', 'delete'],
};

/** The companies list: the generic grid over companies. */
export function CompaniesPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      config={companyListConfig}
      title={t('grid.companiesTitle')}
      newLabel={t('grid.newCompany')}
      empty={{ title: t('grid.companiesEmpty'), description: t('grid.companiesEmptyHint') }}
      noMatches={(q) => ({ title: t('grid.companiesNoMatches'), description: q ? t('grid.companiesNoMatchesHint', { q }) : t('grid.noMatchesHint') })}
    />
  );
}
