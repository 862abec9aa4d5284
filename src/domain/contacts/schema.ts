import { z } from 'zod';
import { rawText, text, versionSchema } from '../common/schema.js';

const name = text().max(120);
const optionalText = (max: number) =>
  text()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const contactSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
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
