import { z } from 'zod';
import { rawText, text, versionSchema } from '../common/schema.js';

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

export const createContactSchema = z.strictObject({
  firstName: name.min(1),
  lastName: name.default(''),
  email: text()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email().max(254).nullable())
    .nullable()
    .optional(),
  /** Any format; stored as E.164, Israeli numbers assumed when there is no country code. */
  phone: optionalText(40),
  companyId: z.uuid().nullable().optional(),
});
export type CreateContactInput = z.input<typeof createContactSchema>;

export const updateContactSchema = createContactSchema
  .partial()
  .extend({ version: versionSchema.optional() });
export type UpdateContactInput = z.input<typeof updateContactSchema>;

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
