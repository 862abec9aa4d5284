import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { ConsentChannel } from '../../domain/privacy/schema.js';
import { describeUnsubscribe, unsubscribe } from '../../domain/privacy/unsubscribe.js';

const text = {
  he: {
    title: 'הסרה מרשימת דיוור',
    ask: (c: string) => `להפסיק לקבל מאיתנו הודעות ב${c}?`,
    button: 'הסירו אותי',
    done: (c: string) => `הוסרת. לא נשלח אליך עוד הודעות ב${c}.`,
    missing: 'הקישור אינו תקף או שכבר אינו בשימוש.',
    other: 'English',
    channels: { email: 'דוא״ל', sms: 'SMS', whatsapp: 'וואטסאפ', phone: 'טלפון' },
  },
  en: {
    title: 'Unsubscribe',
    ask: (c: string) => `Stop receiving our messages by ${c}?`,
    button: 'Unsubscribe me',
    done: (c: string) => `You are unsubscribed. We will not send you messages by ${c} again.`,
    missing: 'This link is not valid or no longer in use.',
    other: 'עברית',
    channels: { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp', phone: 'phone' },
  },
} as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(lang: 'he' | 'en', token: string, body: string) {
  const other = lang === 'he' ? 'en' : 'he';
  return `<!doctype html><html lang="${lang}" dir="${lang === 'he' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(text[lang].title)}</title>
<style>body{font-family:system-ui,sans-serif;max-inline-size:32rem;margin:3rem auto;padding-inline:1rem;color:#111}
button{font:inherit;padding:.5rem 1rem;border-radius:.25rem;border:1px solid #1c7ed6;background:#1c7ed6;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #fab005;outline-offset:2px}a{color:#1c7ed6}</style></head>
<body><main><h1>${escape(text[lang].title)}</h1>${body}
<p><a href="/unsubscribe/${escape(token)}?lang=${other}" lang="${other}">${escape(text[lang].other)}</a></p></main></body></html>`;
}

const params = z.strictObject({ token: z.string().max(200) });
const query = z.strictObject({ lang: z.enum(['he', 'en']).default('he') });

/** The public page behind an unsubscribe link (he/en, no login): GET asks, POST records the withdrawal. */
export const unsubscribePageRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // The page's form and RFC 8058 one-click posts are form-encoded; the body carries nothing we read.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, {}));

  const answer = async (lang: 'he' | 'en', token: string, run: () => Promise<{ channel: ConsentChannel }>, body: (channel: string) => string) => {
    try {
      const { channel } = await run();
      return { status: 200, html: page(lang, token, body(text[lang].channels[channel])) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return { status: 404, html: page(lang, token, `<p>${escape(text[lang].missing)}</p>`) };
      throw error;
    }
  };

  app.get('/unsubscribe/:token', { config: { auth: 'public' }, schema: { hide: true, params, querystring: query } }, async (request, reply) => {
    const { token } = request.params;
    const lang = request.query.lang;
    const { status, html } = await answer(lang, token, () => describeUnsubscribe(db, token), (channel) =>
      `<form method="post" action="/unsubscribe/${escape(token)}?lang=${lang}"><p>${escape(text[lang].ask(channel))}</p><button type="submit">${escape(text[lang].button)}</button></form>`,
    );
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.post('/unsubscribe/:token', { config: { auth: 'public' }, schema: { hide: true, params, querystring: query } }, async (request, reply) => {
    const { token } = request.params;
    const lang = request.query.lang;
    const { status, html } = await answer(lang, token, () => unsubscribe(db, token), (channel) => `<p role="status">${escape(text[lang].done(channel))}</p>`);
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
};
