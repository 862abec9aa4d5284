import pg from 'pg';
import type { DbHandle } from '../../db/client.js';

/** Stops listening. */
export type Unlisten = () => Promise<void>;

/**
 * Subscribes to a NOTIFY channel and calls `onNotify` for each notification; `onReconnect` after a
 * lost connection came back (notifications may have been missed meanwhile). The app's default listens
 * to nothing: the event hub's safety poll alone then finds new events.
 */
export type Listen = (channel: string, onNotify: (payload: string) => void, onReconnect?: () => void) => Promise<Unlisten>;

export const listenNowhere: Listen = async () => async () => {};

/** The listener for a database handle: PGlite's own listen(), or one dedicated client on PostgreSQL. */
export function listenerFor(handle: DbHandle): Listen {
  if (handle.pglite) {
    const pglite = handle.pglite;
    return async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => {
        // The instance may be closed already (shutdown order); nothing is left to stop then.
        if (!pglite.closed) await unlisten();
      };
    };
  }
  if (handle.pool) return postgresListener(handle.pool.options);
  return listenNowhere;
}

/**
 * One client outside the pool holds LISTEN for the process (a pooled connection would be handed to
 * queries). A dropped connection is reopened after a second, and `onReconnect` lets the caller catch
 * up on what it missed.
 */
export function postgresListener(options: pg.ClientConfig): Listen {
  return async (channel, onNotify, onReconnect) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (again: boolean) => {
      const next = new pg.Client({ ...options, application_name: 'kesher-listen' });
      next.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      next.on('error', () => reconnect(next));
      next.on('end', () => reconnect(next));
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (stopped) return void (await next.end().catch(() => {}));
      client = next;
      if (again) onReconnect?.();
    };
    const reconnect = (lost: pg.Client) => {
      if (stopped || client !== lost || retry) return;
      client = undefined;
      void lost.end().catch(() => {});
      const attempt = () => {
        retry = setTimeout(() => {
          retry = undefined;
          connect(true).catch(attempt);
        }, 1000);
        retry.unref();
      };
      attempt();
    };
    await connect(false);
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    };
  };
}
