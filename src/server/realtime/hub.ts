import type { Db } from '../../db/client.js';
import { latestEventId, pruneEvents, readEventsAfter, type StreamEvent } from '../../domain/events/service.js';
import { eventsChannel } from '../../domain/records/changes.js';
import { canSeeOwner, type Visibility } from '../../domain/records/visibility.js';
import type { Listen, Unlisten } from './listen.js';

/** One open stream, as the hub sees it. */
export interface Subscriber {
  workspaceId: string;
  /** Cached; the stream refreshes it on its heartbeat. */
  visibility: Visibility;
  send(event: StreamEvent): void;
}

/** Options of createEventHub; all but `db` and `listen` have defaults. */
export interface HubOptions {
  db: Db;
  listen: Listen;
  /** The safety poll: new events are read at least this often even without a notification. */
  pollMs?: number;
  /** How long an id skipped by the sequence may still commit (an open transaction). */
  pendingMs?: number;
  /** How often the hub deletes events past the retention (0: never; `kesher purge` may do it). */
  pruneEveryMs?: number;
  onError?: (error: unknown) => void;
}

const defaults = { pollMs: 2000, pendingMs: 10_000, pruneEveryMs: 3_600_000, onError: () => {} } satisfies Partial<HubOptions>;
const batchSize = 1000;
/** A gap wider than this is a sequence jump (cache, mass rollback), not transactions still open. */
const maxPending = 1000;

export type EventHub = ReturnType<typeof createEventHub>;

/**
 * The process's one reader of the outbox: on each NOTIFY kesher_events (and on the safety poll) it reads
 * the new rows of `events` once for all streams and hands each to the streams of its workspace that may
 * see the record. Started by the first stream; closed with the app.
 */
export function createEventHub(input: HubOptions) {
  const options = { ...defaults, ...input };
  const { db } = options;
  const subscribers = new Set<Subscriber>();
  /** Ids below lastId not seen yet, with when they were first missed. */
  const pending = new Map<number, number>();
  let lastId = 0;
  let started: Promise<void> | undefined;
  let closed = false;
  let reading = false;
  let again = false;
  let unlisten: Unlisten | undefined;
  const timers: NodeJS.Timeout[] = [];

  function dispatch(event: StreamEvent) {
    for (const subscriber of subscribers) {
      if (subscriber.workspaceId === event.workspaceId && canSeeOwner(subscriber.visibility, event.ownerId)) subscriber.send(event);
    }
  }

  function track(event: StreamEvent) {
    if (pending.delete(event.id)) return;
    if (event.id <= lastId) return;
    if (event.id - lastId - 1 <= maxPending) {
      const now = Date.now();
      for (let id = lastId + 1; id < event.id; id++) pending.set(id, now);
    }
    lastId = event.id;
  }

  async function read() {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const expired = Date.now() - options.pendingMs;
        for (const [id, since] of pending) if (since < expired) pending.delete(id);
        const batch = await readEventsAfter(db, lastId, [...pending.keys()], batchSize);
        for (const event of batch) {
          const fresh = event.id > lastId || pending.has(event.id);
          track(event);
          if (fresh) dispatch(event);
        }
        if (batch.length === batchSize) again = true;
      } while (again && !closed);
    } catch (error) {
      options.onError(error);
    } finally {
      reading = false;
    }
  }

  async function start() {
    lastId = await latestEventId(db);
    unlisten = await options.listen(eventsChannel, () => void read(), () => void read());
    timers.push(setInterval(() => void read(), options.pollMs));
    if (options.pruneEveryMs > 0) timers.push(setInterval(() => void pruneEvents(db).catch(options.onError), options.pruneEveryMs));
    for (const timer of timers) timer.unref();
  }

  return {
    /** Adds a stream; resolves once the hub reads, so a replay read after it misses nothing. */
    async subscribe(subscriber: Subscriber): Promise<() => void> {
      started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    /** The last event id read (a reload frame's id, so the client resumes from here). */
    lastEventId: () => lastId,
    get size() {
      return subscribers.size;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      subscribers.clear();
      if (started) await started.catch(() => {});
      await unlisten?.();
    },
  };
}
