import type { ServerResponse } from 'node:http';
import type { Ctx } from '../../core/context.js';
import { eventTime, readWorkspaceEventsAfter, type StreamEvent } from '../../domain/events/service.js';
import { canSeeOwner, visibilityOf } from '../../domain/records/visibility.js';
import type { Identity } from '../auth/plugin.js';
import { currentRole } from './access.js';
import type { EventHub, Subscriber } from './hub.js';

/** Options of an event stream; the defaults are the documented behaviour. */
export interface StreamOptions {
  /** A comment line this often keeps proxies from closing the connection; the credential is checked then too. */
  heartbeatMs: number;
  /** What the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs: number;
  /** A reconnect replays at most this many missed events… */
  replayMaxEvents: number;
  /** …missed within this long; beyond either, the stream sends `event: reload`. */
  replayMaxAgeMs: number;
}

export const streamDefaults: StreamOptions = {
  heartbeatMs: 15_000,
  retryMs: 3_000,
  replayMaxEvents: 1000,
  replayMaxAgeMs: 24 * 3600 * 1000,
};

const changeFrame = (event: StreamEvent) => `id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * Serves one SSE stream on a hijacked response until the client goes, the credential lapses (checked on
 * each heartbeat) or the app closes (`end`). With `lastEventId` it first replays what the client missed
 * in its workspace, or tells it to reload when that is past the bound.
 */
export async function serveStream(
  raw: ServerResponse,
  input: { ctx: Ctx; identity: Identity; hub: EventHub; lastEventId?: number; options: StreamOptions; onEnd: () => void },
) {
  const { identity, hub, options } = input;
  let ctx = input.ctx;
  let ended = false;
  let live = false;
  const queued: StreamEvent[] = [];
  const write = (text: string) => {
    if (!ended) raw.write(text);
  };
  const subscriber: Subscriber = {
    workspaceId: ctx.workspaceId,
    visibility: await visibilityOf(ctx),
    send: (event) => (live ? write(changeFrame(event)) : queued.push(event)),
  };
  let unsubscribe: () => void = () => {};
  const timer: { heartbeat?: NodeJS.Timeout } = {};
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer.heartbeat);
    unsubscribe();
    raw.end();
    input.onEnd();
  };
  raw.on('close', end);

  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and others buffer proxied answers unless told not to.
    'x-accel-buffering': 'no',
  });
  write(`retry: ${options.retryMs}\n: connected\n\n`);
  unsubscribe = await hub.subscribe(subscriber);
  if (ended) {
    unsubscribe();
    return end;
  }

  const replayed = new Set<number>();
  if (input.lastEventId !== undefined) {
    const missed = input.lastEventId === hub.lastEventId() ? [] : await replay(ctx, input.lastEventId, options);
    // The reload frame moves the client's Last-Event-ID to now (or clears it), so it is told once.
    if (missed === 'reload') write(`id: ${hub.lastEventId() || ''}\nevent: reload\ndata: {}\n\n`);
    else {
      for (const event of missed) {
        replayed.add(event.id);
        if (canSeeOwner(subscriber.visibility, event.ownerId)) write(changeFrame(event));
      }
    }
  }
  for (const event of queued) if (!replayed.has(event.id)) write(changeFrame(event));
  queued.length = 0;
  live = true;

  timer.heartbeat = setInterval(() => {
    void (async () => {
      const role = await currentRole(ctx.db, identity, ctx.workspaceId);
      if (!role) return end();
      if (role !== ctx.role) ctx = { ...ctx, role };
      subscriber.visibility = await visibilityOf(ctx);
      write(': heartbeat\n\n');
    })().catch(end);
  }, options.heartbeatMs);
  return end;
}

/** What a reconnect missed in its workspace, or 'reload' when that is more than the bound keeps. */
async function replay(ctx: Ctx, lastEventId: number, options: StreamOptions): Promise<StreamEvent[] | 'reload'> {
  const at = await eventTime(ctx.db, lastEventId);
  if (!at || Date.now() - at.getTime() > options.replayMaxAgeMs) return 'reload';
  const missed = await readWorkspaceEventsAfter(ctx.db, ctx.workspaceId, lastEventId, options.replayMaxEvents + 1);
  return missed.length > options.replayMaxEvents ? 'reload' : missed;
}
