import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, editedVersion, idParams, ifMatchHeaders, noContent, problemSchema, versionBody } from '../route-kit.js';
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
  app.post(
    '/',
    { schema: { tags, summary: 'Create a company', body: createCompanySchema, response: { 201: companySchema, ...commonErrors } } },
    async (request, reply) => {
      const company = await createCompany(workspaceCtx(db, request), request.body);
      return reply.status(201).header('etag', `"${company.version}"`).send(company);
    },
  );

  app.get(
    '/:id/contacts',
    { schema: { tags, summary: 'The company’s people (those you may see) with their role there', params: idParams, response: { 200: companyContactsSchema, ...commonErrors } } },
    async (request) => ({ items: await listCompanyContacts(workspaceCtx(db, request), request.params.id) }),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a company; send the version you edited (body.version or If-Match), 409 if it is stale',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateCompanySchema,
        response: { 200: companySchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const company = await updateCompany(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${company.version}"`).send(company);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a company (into the trash); with If-Match or body.version only if that version is current, else 409',
        params: idParams,
        headers: ifMatchHeaders,
        body: versionBody,
        response: { 204: noContent, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body?.version, request.headers['if-match']);
      await deleteCompany(workspaceCtx(db, request), request.params.id, { version });
      return reply.status(204).send(null);
    },
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
