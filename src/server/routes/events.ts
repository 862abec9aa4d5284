import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import type { EventHub } from '../realtime/hub.js';
import { serveStream, type StreamOptions } from '../realtime/stream.js';
import { commonErrors } from '../route-kit.js';

const eventId = z
  .string()
  .regex(/^[0-9]{1,15}$/, 'An event id this server sent')
  .transform(Number);

export interface EventRoutesOptions {
  db: Db;
  hub: EventHub;
  stream: StreamOptions;
  /** Open streams per person per process; one more is a 429. */
  maxStreamsPerUser: number;
}

export const eventRoutes: FastifyPluginAsyncZod<EventRoutesOptions> = async (app, { db, hub, stream, maxStreamsPerUser }) => {
  const open = new Set<() => void>();
  const perUser = new Map<string, number>();
  // Streams never end by themselves: the server would wait for them when closing.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/',
    {
      schema: {
        tags: ['events'],
        summary:
          'Live changes as Server-Sent Events (text/event-stream): `event: change` frames with the event id; Last-Event-ID (header or lastEventId) replays what was missed, up to 1000 events and 24 h, else `event: reload`',
        querystring: z.strictObject({ lastEventId: eventId.optional() }),
        headers: z.looseObject({ 'last-event-id': eventId.optional() }),
        response: {
          200: z.string().meta({ description: 'text/event-stream: `id: 42\\nevent: change\\ndata: {"id":42,"recordType":"contact",…}`' }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const ctx = workspaceCtx(db, request);
      const userKey = ctx.actorUserId ?? ctx.apiKeyId ?? ctx.workspaceId;
      const count = perUser.get(userKey) ?? 0;
      if (count >= maxStreamsPerUser) {
        throw new AppError('too_many_requests', `At most ${maxStreamsPerUser} live streams per person; close one`, { retryAfterSeconds: 5 });
      }
      perUser.set(userKey, count + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (perUser.get(userKey) ?? 1) - 1;
        if (left > 0) perUser.set(userKey, left);
        else perUser.delete(userKey);
      };
      reply.hijack();
      let end: (() => void) | undefined;
      try {
        end = await serveStream(reply.raw, {
          ctx,
          identity: request.identity!,
          hub,
          lastEventId: request.headers['last-event-id'] ?? request.query.lastEventId,
          options: stream,
          onEnd: () => {
            release();
            if (end) open.delete(end);
          },
        });
      } catch (error) {
        release();
        request.log.error(error, 'event stream failed');
        reply.raw.destroy();
        return;
      }
      if (reply.raw.writableEnded) return;
      open.add(end);
    },
  );
};
