import { z } from 'zod';
import { request, type RequestOptions } from '../../app/api.js';
import { writeSchemaOf } from '../records/api.js';

/** The record types that have a card today; deals and tickets join this list later. */
export const cardRecordTypes = ['contact', 'company'] as const;
export type CardRecordType = (typeof cardRecordTypes)[number];

export const pluralOf: Record<CardRecordType, string> = { contact: 'contacts', company: 'companies' };

const labelled = z.object({ value: z.string(), label: z.string().nullish(), primary: z.boolean().nullish() });

/**
 * A contact or a company as the card reads it. Loose on purpose: the card shows what it knows and
 * round-trips the rest, so a field added to the contract later does not break an open card.
 */
export const cardRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  type: z.string().nullish(),
  stage: z.string().nullish(),
  ownerId: z.string().nullish(),
  ownerName: z.string().nullish(),
  email: z.string().nullish(),
  emails: z.array(labelled).nullish(),
  phone: z.string().nullish(),
  phones: z.array(labelled).nullish(),
  domain: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  custom: z.record(z.string(), z.unknown()).nullish(),
  companies: z
    .array(z.object({ companyId: z.string(), name: z.string().nullish(), role: z.string().nullish(), isPrimary: z.boolean().nullish() }))
    .nullish(),
  version: z.number(),
  updatedAt: z.string().nullish(),
  updatedBy: z.string().nullish(),
  updatedByName: z.string().nullish(),
});
export type CardRecord = z.infer<typeof cardRecordSchema>;

export const fieldOptionSchema = z.looseObject({
  id: z.string(),
  labelHe: z.string().nullish(),
  labelEn: z.string().nullish(),
  color: z.string().nullish(),
  archived: z.boolean().nullish(),
});
export type FieldOption = z.infer<typeof fieldOptionSchema>;

/** One entry of GET /api/fields/:recordType: a built-in or a custom field. */
export const fieldDefSchema = z.looseObject({
  key: z.string(),
  labelHe: z.string().nullish(),
  labelEn: z.string().nullish(),
  type: z.string(),
  custom: z.boolean().nullish(),
  options: z.array(fieldOptionSchema).nullish(),
  values: z.array(z.string()).nullish(),
  config: z.record(z.string(), z.unknown()).nullish(),
});
export type FieldDef = z.infer<typeof fieldDefSchema>;

const memberSchema = z.looseObject({ userId: z.string(), name: z.string(), role: z.string() });
export type MemberSummary = z.infer<typeof memberSchema>;

const personLinkSchema = z.looseObject({
  id: z.string().nullish(),
  contactId: z.string().nullish(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  role: z.string().nullish(),
  isPrimary: z.boolean().nullish(),
});
export type PersonLink = z.infer<typeof personLinkSchema>;

const searchHitSchema = z.looseObject({ id: z.string(), name: z.string().nullish(), firstName: z.string().nullish(), lastName: z.string().nullish() });
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullish() });

export const cardKeys = {
  record: (type: CardRecordType, id: string) => ['records', type, id] as const,
  fields: (type: CardRecordType) => ['fields', type] as const,
  people: (companyId: string) => ['records', 'company', companyId, 'contacts'] as const,
  search: (type: CardRecordType, q: string) => ['records', type, 'search', q] as const,
  members: ['members'] as const,
};

/** A person's display name from whichever fields the API sent. */
export const displayName = (r: { name?: string | null; firstName?: string | null; lastName?: string | null }) =>
  r.name?.trim() || [r.firstName, r.lastName].filter(Boolean).join(' ');

export const fetchRecord = (type: CardRecordType, id: string, signal?: AbortSignal) =>
  request(`/api/${pluralOf[type]}/${id}`, { schema: cardRecordSchema, signal });

/** PATCH with the version the card showed: a stale edit is a 409 carrying who changed it. */
export const updateRecord = (type: CardRecordType, id: string, patch: Record<string, unknown>, version: number, query?: RequestOptions<unknown>['query']) =>
  request(`/api/${pluralOf[type]}/${id}`, { method: 'PATCH', body: { ...patch, version }, query, schema: cardRecordSchema, bodySchema: writeSchemaOf(pluralOf[type], 'update') });

/** A custom field's own key ("cf_abc"): the catalogue names it as filters do ("custom.cf_abc"). */
const bareKey = (f: FieldDef): FieldDef => (f.custom && f.key.startsWith('custom.') ? { ...f, key: f.key.slice(7) } : f);

export const fetchFields = (type: CardRecordType, signal?: AbortSignal) =>
  request(`/api/fields/${type}`, { schema: z.union([z.array(fieldDefSchema), pageOf(fieldDefSchema).transform((p) => p.items)]), signal }).then(
    (fields) => fields.map(bareKey),
  );

export const fetchMembers = (signal?: AbortSignal) =>
  request('/api/members', { schema: z.object({ items: z.array(memberSchema) }), signal }).then((page) => page.items);

export const fetchCompanyPeople = (companyId: string, signal?: AbortSignal) =>
  request(`/api/companies/${companyId}/contacts`, {
    schema: z.union([z.array(personLinkSchema), pageOf(personLinkSchema).transform((p) => p.items)]),
    signal,
  });

export interface CompanyLinkInput {
  companyId: string;
  role: string | null;
  isPrimary: boolean;
}

/** Replaces all of a contact's company links. */
export const setContactCompanies = (contactId: string, links: CompanyLinkInput[]) =>
  request(`/api/contacts/${contactId}/companies`, { method: 'PUT', body: links, schema: cardRecordSchema });

export const searchRecords = (type: CardRecordType, q: string, signal?: AbortSignal) =>
  request(`/api/${pluralOf[type]}`, { query: { q, limit: 10 }, schema: pageOf(searchHitSchema), signal }).then((page) =>
    page.items.map((hit) => ({ id: hit.id, name: displayName(hit) })),
  );
