import { z } from 'zod';
import { text } from '../common/schema.js';

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
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
