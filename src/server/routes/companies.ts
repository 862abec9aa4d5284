import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { recordWriteRoutes } from './record-writes.js';
import { commonErrors, idParams } from '../route-kit.js';
import { mergedAwayNote, mergedAwayResponse, orSurvivor } from './merged-away.js';
import { bulkCompanies } from '../../domain/companies/bulk.js';
import {
  companyBulkSchema,
  companyContactsSchema,
  companySchema,
  createCompanySchema,
  updateCompanySchema,
} from '../../domain/companies/schema.js';
import { createCompany, deleteCompany, listCompanyContacts, updateCompany } from '../../domain/companies/service.js';
import { bulkResultSchema } from '../../domain/records/input.js';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(
    recordWriteRoutes({
      name: 'company',
      plural: 'companies',
      itemSchema: companySchema,
      createSchema: createCompanySchema,
      updateSchema: updateCompanySchema,
      create: createCompany,
      update: updateCompany,
      remove: deleteCompany,
    }),
    { db },
  );

  app.get(
    '/:id/contacts',
    {
      schema: {
        tags,
        summary: 'The company’s people (those you may see) with their role there',
        description: mergedAwayNote,
        params: idParams,
        response: { 200: companyContactsSchema, ...mergedAwayResponse, ...commonErrors },
      },
    },
    (request, reply) =>
      listCompanyContacts(workspaceCtx(db, request), request.params.id)
        .then((items) => ({ items }))
        .catch(orSurvivor(db, request, reply, 'company', request.params.id)),
  );

  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'One action on up to 500 companies in one transaction: set_owner, add_tag, remove_tag, delete; missing or invisible ids are skipped',
        body: companyBulkSchema,
        response: { 200: bulkResultSchema, ...commonErrors },
      },
    },
    (request) => bulkCompanies(workspaceCtx(db, request), request.body),
  );
};
