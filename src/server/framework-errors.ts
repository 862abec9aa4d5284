import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFor, sendProblem } from './error-handler.js';
import { AppError } from '../core/errors.js';

/**
 * Errors raised before a route runs, in problem+json like every other error: Fastify's own (bad URL
 * encoding, an over-long path segment) and those of Node's HTTP parser (headers over 16 KiB, timeouts).
 */

/** URLs longer than this are a 414; Node's parser already refuses a request head over 16 KiB. */
export const maxUrlLength = 8192;

export const frameworkErrors = (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply);

/** Percent-escapes that do not decode (`%E0%A4%A`, `%zz`): the query parser would drop them silently. */
function badQueryEncoding(url: string) {
  const query = url.indexOf('?');
  if (query === -1) return false;
  try {
    for (const part of url.slice(query + 1).split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' '));
    return false;
  } catch {
    return true;
  }
}

export async function refuseLongUrl(request: FastifyRequest) {
  if (request.url.length > maxUrlLength) {
    throw new AppError('uri_too_long', `The URL is longer than ${maxUrlLength} characters`);
  }
  if (badQueryEncoding(request.url)) {
    throw new AppError('bad_request', 'The query string is not valid percent-encoded UTF-8');
  }
}

/**
 * The parser says only "header overflow"; when the request line alone fills what it read (no line
 * break yet), the URL is what is too long.
 */
function overflowError(raw: unknown) {
  const rawPacket = Buffer.isBuffer(raw) ? raw : undefined;
  const firstLineEnd = rawPacket?.indexOf('\r\n') ?? -1;
  const requestLine = firstLineEnd === -1 ? (rawPacket?.length ?? 0) : firstLineEnd;
  return requestLine > maxUrlLength
    ? new AppError('uri_too_long', 'The URL is too long')
    : new AppError('header_too_large', 'The request headers are larger than 16 KiB');
}

/** Replaces Fastify's clientErrorHandler: writes a real HTTP response with a problem+json body, then closes. */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? overflowError(error.rawPacket)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request_timeout', 'The request was not received in time')
        : new AppError('bad_request', 'The request is not valid HTTP');
  const problem = problemFor(appError);
  const body = JSON.stringify(problem);
  // A response already under way on this socket (pipelining) cannot be followed by ours: just close.
  const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || busy) return void socket.destroy();
  const head = `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: application/problem+json\r\n`;
  socket.end(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`, () => socket.destroy());
}
