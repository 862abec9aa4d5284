import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, editedVersion, idParams, ifMatchHeaders, noContent, problemSchema, versionBody } from '../route-kit.js';
import {
  contactBulkSchema,
  contactCompanyLinksSchema,
  contactSchema,
  createContactSchema,
  updateContactSchema,
} from '../../domain/contacts/schema.js';
import { bulkContacts } from '../../domain/contacts/bulk.js';
import { replaceContactCompanies } from '../../domain/contacts/links.js';
import { bulkResultSchema } from '../../domain/records/input.js';
import { createContact, deleteContact, updateContact } from '../../domain/contacts/service.js';

const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/',
    { schema: { tags, summary: 'Create a contact', body: createContactSchema, response: { 201: contactSchema, ...commonErrors } } },
    async (request, reply) => {
      const contact = await createContact(workspaceCtx(db, request), request.body);
      return reply.status(201).header('etag', `"${contact.version}"`).send(contact);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact; send the version you edited (body.version or If-Match), 409 if it is stale',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateContactSchema,
        response: { 200: contactSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const contact = await updateContact(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${contact.version}"`).send(contact);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact (soft); with If-Match or body.version only if that version is current, else 409 like PATCH',
        params: idParams,
        headers: ifMatchHeaders,
        body: versionBody,
        response: { 204: noContent, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body?.version, request.headers['if-match']);
      await deleteContact(workspaceCtx(db, request), request.params.id, { version });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/companies',
    {
      schema: {
        tags,
        summary: 'Replace the contact’s companies [{companyId, role, isPrimary}]; one primary (the first when none is marked); If-Match optional',
        params: idParams,
        headers: ifMatchHeaders,
        body: contactCompanyLinksSchema,
        response: { 200: contactSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const contact = await replaceContactCompanies(workspaceCtx(db, request), request.params.id, request.body, { version: request.headers['if-match'] });
      return reply.header('etag', `"${contact.version}"`).send(contact);
    },
  );

  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'One action on up to 500 contacts in one transaction: set_owner, add_tag, remove_tag, set_stage, delete; missing or invisible ids are skipped',
        body: contactBulkSchema,
        response: { 200: bulkResultSchema, ...commonErrors },
      },
    },
    (request) => bulkContacts(workspaceCtx(db, request), request.body),
  );
};
