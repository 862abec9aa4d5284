import { z } from 'zod';
import { text } from '../common/schema.js';

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

export const createCompanySchema = z.strictObject({
  name: text().min(1).max(200),
  domain: text().toLowerCase().max(253).nullable().optional(),
});
export type CreateCompanyInput = z.input<typeof createCompanySchema>;

export const listCompaniesQuerySchema = z.strictObject({
  q: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
