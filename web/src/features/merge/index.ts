import { CompanyMergePage, ContactMergePage } from './MergePage.js';

/** The merge screens, for the router (one page serves every record type). */
export const merge = { ContactPage: ContactMergePage, CompanyPage: CompanyMergePage };
