import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { recordWriteRoutes } from './record-writes.js';
import { commonErrors, idParams, ifMatchHeaders, problemSchema } from '../route-kit.js';
import { mergedAwayWriteNote, orSurvivor } from './merged-away.js';
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
  await app.register(
    recordWriteRoutes({
      name: 'contact',
      plural: 'contacts',
      itemSchema: contactSchema,
      createSchema: createContactSchema,
      updateSchema: updateContactSchema,
      create: createContact,
      update: updateContact,
      remove: deleteContact,
    }),
    { db },
  );

  app.put(
    '/:id/companies',
    {
      schema: {
        tags,
        summary: 'Replace the contact’s companies [{companyId, role, isPrimary}]; one primary (the first when none is marked); If-Match optional',
        description: mergedAwayWriteNote,
        params: idParams,
        headers: ifMatchHeaders,
        body: contactCompanyLinksSchema,
        response: { 200: contactSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request, reply) =>
      replaceContactCompanies(workspaceCtx(db, request), request.params.id, request.body, { version: request.headers['if-match'] })
        .then((contact) => {
          reply.header('etag', `"${contact.version}"`);
          return contact;
        })
        .catch(orSurvivor(db, request, reply, 'contact', request.params.id)),
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
