import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';
import { companySchema, createCompanySchema } from '../../domain/companies/schema.js';
import { createCompany } from '../../domain/companies/service.js';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/',
    { schema: { tags, summary: 'Create a company', body: createCompanySchema, response: { 201: companySchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createCompany(workspaceCtx(db, request), request.body)),
  );
};
