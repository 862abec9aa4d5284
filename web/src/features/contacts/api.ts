import {
  contactPageSchema,
  contactSchema,
  type createContactSchema,
  type ListContactsQuery,
} from '../../../../src/domain/contacts/schema.js';
import type { z } from 'zod';
import { request } from '../../app/api.js';

export type ContactListParams = Pick<ListContactsQuery, 'q' | 'cursor'> & { limit: number };
/** What the form sends: the schema's output, already trimmed and normalised by zod. */
export type NewContact = z.output<typeof createContactSchema>;

export const contactKeys = {
  all: ['contacts'] as const,
  list: (params: ContactListParams) => ['contacts', 'list', params] as const,
};

export const fetchContacts = (params: ContactListParams, signal?: AbortSignal) =>
  request('/api/contacts', { query: params, schema: contactPageSchema, signal });

export const createContact = (input: NewContact) =>
  request('/api/contacts', { method: 'POST', body: input, schema: contactSchema });
