import { ContactsPage } from './ContactsPage.js';
import { NewContactPage } from './NewContactPage.js';

/** The screens of the contacts feature, for the router. */
export const contacts = { ListPage: ContactsPage, NewPage: NewContactPage };
