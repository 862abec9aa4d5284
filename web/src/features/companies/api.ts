import { z } from 'zod';
import { companySchema } from '../../../../src/domain/companies/schema.js';
import { request } from '../../app/api.js';

const companyListSchema = z.object({ items: z.array(companySchema) });

export const companyKeys = {
  all: ['companies'] as const,
  search: (q: string) => ['companies', 'search', q] as const,
};

export const fetchCompanies = (q: string, signal?: AbortSignal) =>
  request('/api/companies', { query: { q, limit: 20 }, schema: companyListSchema, signal });
