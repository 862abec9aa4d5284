/**
 * The one error path: services throw AppError with a code from this closed union; the Fastify
 * error handler (server/error-handler.ts) renders it as RFC 9457 problem+json.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'quota_exceeded'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'possible_duplicate'
  | 'gone'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'request_timeout'
  | 'header_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'csrf_failed':
    case 'forbidden':
    case 'quota_exceeded':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'version_conflict':
    case 'possible_duplicate':
      return 409;
    case 'gone':
      return 410;
    case 'request_timeout':
      return 408;
    case 'payload_too_large':
      return 413;
    case 'uri_too_long':
      return 414;
    case 'unsupported_media_type':
      return 415;
    case 'too_many_requests':
      return 429;
    case 'header_too_large':
      return 431;
    case 'internal':
      return 500;
    case 'unavailable':
      return 503;
    default:
      return assertUnreachable(code);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
