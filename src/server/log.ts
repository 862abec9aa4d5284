import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';

/**
 * The log never holds SQL parameters: a failed query's error carries them in its message (drizzle's
 * "params: …"), in `params`, and in the driver's message and `detail` ("Key (email)=(…) already
 * exists"). For those errors the log keeps the query text, the PostgreSQL code and the names of what
 * failed (table, column, constraint), never a value. Logged URLs leave out the query string.
 */

interface DbError {
  code: string;
  severity?: string;
  query?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
  routine?: string;
}

function errorChain(error: unknown): object[] {
  const chain: object[] = [];
  for (let e = error; e && typeof e === 'object' && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

const isDbError = (e: object): e is DbError =>
  'severity' in e && typeof (e as DbError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as DbError).code);

/** Only the "at …" lines: the first line of a stack repeats the message, values and all. */
const framesOf = (stack: unknown) => (typeof stack === 'string' ? stack.slice(Math.max(stack.indexOf('\n    at '), 0)).trim() : '');

export function serializeError(error: unknown) {
  const chain = errorChain(error);
  const db = chain.find(isDbError);
  if (!db) return stdSerializers.err(error as Error);
  const query = chain.map((e) => (e as { query?: unknown }).query).find((q): q is string => typeof q === 'string');
  const { code, severity, schema, table, column, constraint, dataType, routine } = db;
  return {
    type: (error as Error).constructor?.name ?? 'Error',
    message: `Database error ${code}`,
    query,
    code,
    ...Object.fromEntries(Object.entries({ severity, schema, table, column, constraint, dataType, routine }).filter(([, v]) => v)),
    stack: framesOf((error as Error).stack),
  };
}

/** Fastify's request line, without the query string: `q` and `cursor` hold names and emails. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger options with our `err` and `req` serializers; pino applies them to every `{ err }` and `{ req }` logged. */
export function withSafeErrors(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, err: serializeError, req: serializeRequest } };
}
