import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { listConsents, recordConsent } from '../../domain/privacy/consents.js';
import { eraseContact } from '../../domain/privacy/erase.js';
import { exportContact } from '../../domain/privacy/export.js';
import { renderExportHtml } from '../../domain/privacy/export-html.js';
import {
  consentsSchema,
  eraseResultSchema,
  eraseSchema,
  exportQuerySchema,
  privacySettingsSchema,
  recordConsentSchema,
  unsubscribeParamsSchema,
  unsubscribeResultSchema,
  updatePrivacySettingsSchema,
} from '../../domain/privacy/schema.js';
import { getPrivacySettings, updatePrivacySettings } from '../../domain/privacy/settings.js';
import { unsubscribe } from '../../domain/privacy/unsubscribe.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, idParams, problemSchema } from '../route-kit.js';
import { mergedAwayNote, mergedAwayResponse, mergedAwayWriteNote, orSurvivor } from './merged-away.js';

const tags = ['privacy'];

/** Consents, subject-access export, erasure and retention settings, under /api. */
export const privacyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'The contact’s consent per channel (the latest entry) and its history, newest first',
        description: mergedAwayNote,
        params: idParams,
        response: { 200: consentsSchema, ...mergedAwayResponse, ...commonErrors },
      },
    },
    (request, reply) => listConsents(workspaceCtx(db, request), request.params.id).catch(orSurvivor(db, request, reply, 'contact', request.params.id)),
  );

  app.post(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent given or withdrawn on one channel (email, sms, whatsapp, phone), with how and the evidence',
        description: mergedAwayWriteNote,
        params: idParams,
        body: recordConsentSchema,
        response: { 200: consentsSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request, reply) => recordConsent(workspaceCtx(db, request), request.params.id, request.body).catch(orSurvivor(db, request, reply, 'contact', request.params.id)),
  );

  app.get(
    '/contacts/:id/privacy-export',
    {
      schema: {
        tags,
        summary: 'Everything Kesher holds about the person (subject-access request; owners, admins, managers; audited): JSON, or printable HTML (?format=html&lang=he|en)',
        description: mergedAwayNote,
        params: idParams,
        querystring: exportQuerySchema,
        response: { 200: z.looseObject({ format: z.string(), version: z.number() }).or(z.string()), ...mergedAwayResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const ctx = workspaceCtx(db, request);
      const data = await exportContact(ctx, request.params.id).catch(orSurvivor(db, request, reply, 'contact', request.params.id));
      if (!data) return reply;
      const file = `kesher-contact-${request.params.id}`;
      if (request.query.format === 'html') {
        const lang = request.query.lang ?? ctx.user?.locale ?? 'he';
        return reply.type('text/html; charset=utf-8').header('content-disposition', `inline; filename="${file}.html"`).send(renderExportHtml(data, lang));
      }
      return reply.header('content-disposition', `attachment; filename="${file}.json"`).send(data);
    },
  );

  app.post(
    '/contacts/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase the person irreversibly (owners and admins): personal data, activity content and audit values go, a pseudonym keeps the rest; confirm = the name or id',
        description: mergedAwayWriteNote,
        params: idParams,
        body: eraseSchema,
        response: { 200: eraseResultSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request, reply) => eraseContact(workspaceCtx(db, request), request.params.id, request.body).catch(orSurvivor(db, request, reply, 'contact', request.params.id)),
  );

  app.get(
    '/workspace/privacy-settings',
    { schema: { tags, summary: 'Retention: years without activity before contacts are anonymised or erased (owners and admins)', response: { 200: privacySettingsSchema, ...commonErrors } } },
    (request) => getPrivacySettings(workspaceCtx(db, request)),
  );

  app.put(
    '/workspace/privacy-settings',
    {
      schema: {
        tags,
        summary: 'Change the retention (years or null for off, anonymise or erase); a stale version is a 409',
        body: updatePrivacySettingsSchema,
        response: { 200: privacySettingsSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request) => updatePrivacySettings(workspaceCtx(db, request), request.body),
  );

  app.post(
    '/unsubscribe/:token',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058, no login): records the withdrawal of consent the token names',
        params: unsubscribeParamsSchema,
        response: { 200: unsubscribeResultSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    (request) => unsubscribe(db, request.params.token),
  );
};
