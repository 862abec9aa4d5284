import { CompanyCardPage, ContactCardPage } from './CardPage.js';

/** The card screens, for the router. */
export const card = { ContactPage: ContactCardPage, CompanyPage: CompanyCardPage };
export { AuditMeta } from './HistoryTab.js';
export { ChangeList } from './ChangeList.js';
