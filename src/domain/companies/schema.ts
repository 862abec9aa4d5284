import { z } from 'zod';

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
});
export type Company = z.infer<typeof companySchema>;

export const createCompanySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().toLowerCase().max(253).nullable().optional(),
});
export type CreateCompanyInput = z.input<typeof createCompanySchema>;

export const listCompaniesQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
