import { z } from 'zod';
import { rawText, text, versionSchema } from '../common/schema.js';
import {
  countryInput,
  customInput,
  emailShortcut,
  emailsInput,
  languageInput,
  notesInput,
  pastDateInput,
  phonesInput,
  tagsInput,
  bulkInput,
} from '../records/input.js';

const name = text().max(120);
const optionalText = (max: number) =>
  text()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const labelledSchema = z.object({
  value: z.string(),
  label: z.enum(['work', 'home', 'mobile', 'other']),
  primary: z.boolean(),
});
const timestamp = z.iso.datetime({ offset: true });

/** A contact as the API answers it (lists, the card, writes). */
export const contactSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  type: z.string(),
  stage: z.string(),
  stageDates: z.record(z.string(), z.string()),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  email: z.string().nullable(),
  emails: z.array(labelledSchema),
  phone: z.string().nullable(),
  phones: z.array(labelledSchema),
  street: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  birthday: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  language: z.string().nullable(),
  notes: z.string().nullable(),
  /** No outreach on any channel, whatever the consents say. */
  doNotContact: z.boolean(),
  custom: z.record(z.string(), z.unknown()).meta({ description: 'Custom field values by field key (cf_…)' }),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  companies: z.array(z.object({ companyId: z.uuid(), name: z.string(), role: z.string().nullable(), isPrimary: z.boolean() })),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.uuid().nullable(),
  updatedByName: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactTypeValues = ['customer', 'supplier', 'employee', 'partner', 'other'] as const;
export const contactStageValues = ['subscriber', 'lead', 'qualified', 'customer', 'churned', 'won_back'] as const;

/** One company link of a contact: PUT /api/contacts/:id/companies takes a list of these. */
export const contactCompanyLinkSchema = z.strictObject({
  companyId: z.uuid(),
  /** "director", "buyer"; free text. */
  role: optionalText(100),
  isPrimary: z.boolean().default(false),
});
export const contactCompanyLinksSchema = z
  .array(contactCompanyLinkSchema)
  .max(50)
  .superRefine((links, context) => {
    if (links.filter((l) => l.isPrimary).length > 1) context.addIssue({ code: 'custom', message: 'Only one company may be primary' });
    const ids = links.map((l) => l.companyId);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'A company is listed twice' });
  })
  // The first link is primary when none is marked, so a contact with companies always has one.
  .transform((links) => links.map((l, i) => ({ ...l, role: l.role ?? null, isPrimary: l.isPrimary || (i === 0 && !links.some((x) => x.isPrimary)) })));
export type ContactCompanyLinksInput = z.input<typeof contactCompanyLinksSchema>;

/** The writable fields of a contact, all optional: PATCH sends what changed, POST adds firstName. */
const contactFieldsSchema = z.strictObject({
  firstName: name.min(1),
  lastName: name,
  type: z.enum(contactTypeValues),
  stage: z.enum(contactStageValues),
  ownerId: z.uuid().nullable(),
  source: optionalText(200),
  tags: tagsInput(),
  /** Shortcut: sets the primary email (null removes it); `emails` replaces the whole list. */
  email: emailShortcut(),
  emails: emailsInput(),
  /** Shortcut: sets the primary phone, any format, stored as E.164 (Israeli when there is no country code). */
  phone: optionalText(40),
  phones: phonesInput(),
  street: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  country: countryInput(),
  birthday: pastDateInput(),
  language: languageInput(),
  notes: notesInput(),
  /** "Do not contact" (privacy): campaigns skip the person on every channel. */
  doNotContact: z.boolean(),
  /** Custom values by field key, merged key by key; null clears one. */
  custom: customInput(),
  /** Shortcut: the primary company (null unlinks it); `companies` (create) or PUT …/companies for all links. */
  companyId: z.uuid().nullable(),
});

export const createContactSchema = contactFieldsSchema.partial().extend({
  firstName: name.min(1),
  companies: contactCompanyLinksSchema.optional(),
});
export type CreateContactInput = z.input<typeof createContactSchema>;

export const updateContactSchema = contactFieldsSchema.partial().extend({ version: versionSchema.optional() });
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export const contactBulkSchema = bulkInput(['set_owner', 'add_tag', 'remove_tag', 'set_stage', 'delete'] as const, contactStageValues);
export type ContactBulkInput = z.input<typeof contactBulkSchema>;

export const listContactsQuerySchema = z.strictObject({
  q: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: rawText().max(500).optional(),
});
export type ListContactsQuery = z.input<typeof listContactsQuerySchema>;

export const contactPageSchema = z.object({
  items: z.array(contactSchema),
  nextCursor: z.string().nullable(),
});
export type ContactPage = z.infer<typeof contactPageSchema>;
