import { z } from 'zod';
import { text, versionSchema } from '../common/schema.js';
import { bulkInput, countryInput, customInput, notesInput, optionalText, phonesInput, tagsInput } from '../records/input.js';

const labelledSchema = z.object({
  value: z.string(),
  label: z.enum(['work', 'home', 'mobile', 'other']),
  primary: z.boolean(),
});
const timestamp = z.iso.datetime({ offset: true });

/** A company as the API answers it (lists, the card, writes). */
export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  phone: z.string().nullable(),
  phones: z.array(labelledSchema),
  street: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()).meta({ description: 'Custom field values by field key (cf_…)' }),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.uuid().nullable(),
  updatedByName: z.string().nullable(),
  contactCount: z.number().int().meta({ description: 'Live contacts linked to it (that the caller may see)' }),
});
export type Company = z.infer<typeof companySchema>;

export const companySizeValues = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;

/** A host name ("acme.co.il", Hebrew labels too), lower case, without scheme, path or "www.". */
const domainInput = text()
  .toLowerCase()
  .max(253)
  .transform((v) => v.replace(/^https?:\/\//, '').replace(/\/+$/, '').replace(/^www\./, ''))
  .refine((v) => v === '' || /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)(\.(?!-)[\p{L}\p{N}-]{1,63}(?<!-))+$/u.test(v), 'Not a domain name (e.g. acme.co.il)')
  .transform((v) => (v === '' ? null : v));

/** The writable fields of a company, all optional: PATCH sends what changed, POST adds the name. */
const companyFieldsSchema = z.strictObject({
  name: text().min(1).max(200),
  domain: domainInput.nullable(),
  /** Shortcut: sets the primary phone, any format, stored as E.164; `phones` replaces the whole list. */
  phone: optionalText(40),
  phones: phonesInput(),
  street: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  country: countryInput(),
  industry: optionalText(100),
  size: z.enum(companySizeValues).nullable(),
  ownerId: z.uuid().nullable(),
  tags: tagsInput(),
  notes: notesInput(),
  /** Custom values by field key, merged key by key; null clears one. */
  custom: customInput(),
});

export const createCompanySchema = companyFieldsSchema.partial().extend({ name: text().min(1).max(200) });
export type CreateCompanyInput = z.input<typeof createCompanySchema>;

export const updateCompanySchema = companyFieldsSchema.partial().extend({ version: versionSchema.optional() });
export type UpdateCompanyInput = z.input<typeof updateCompanySchema>;

export const companyBulkSchema = bulkInput(['set_owner', 'add_tag', 'remove_tag', 'delete'] as const);
export type CompanyBulkInput = z.input<typeof companyBulkSchema>;

/** GET /api/companies/:id/contacts: the company's people with their role there. */
export const companyContactsSchema = z.object({
  items: z.array(
    z.object({
      contactId: z.uuid(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      role: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
});
export type CompanyContact = z.infer<typeof companyContactsSchema>['items'][number];

export const listCompaniesQuerySchema = z.strictObject({
  q: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
