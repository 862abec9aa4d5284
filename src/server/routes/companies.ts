import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';
import { companySchema, createCompanySchema, listCompaniesQuerySchema } from '../../domain/companies/schema.js';
import { createCompany, listCompanies } from '../../domain/companies/service.js';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Find companies by a fragment of their name',
        querystring: listCompaniesQuerySchema,
        response: { 200: z.object({ items: z.array(companySchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await listCompanies(workspaceCtx(db, request), request.query) }),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Create a company', body: createCompanySchema, response: { 201: companySchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createCompany(workspaceCtx(db, request), request.body)),
  );
};
