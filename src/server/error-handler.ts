import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, statusOf, type ErrorCode, type FieldError } from '../core/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  fields?: FieldError[];
  [key: string]: unknown;
}

/** Fastify's own errors (body parsing, limits, content type) mapped onto our codes. */
function fromFastifyError(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'Request body is larger than the limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Unsupported content type; send application/json');
    case 'FST_ERR_BAD_URL':
      return new AppError('bad_request', 'The URL is not valid: percent-encoding must be UTF-8');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uri_too_long', 'A part of the URL path is longer than 100 characters');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', 'Request body is not valid JSON');
  }
  if (error.statusCode === 429) return new AppError('too_many_requests', 'Too many requests; slow down');
  if (error instanceof SyntaxError) return new AppError('bad_request', 'Request body is not valid JSON');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', error.message);
  }
  return undefined;
}

const zodFields = (issues: ZodError['issues']): FieldError[] =>
  issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.flatMap((v) => {
      const path = String(v.instancePath).split('/').filter(Boolean).join('.');
      // An unknown field is reported on the field itself, so a client can point at it.
      const unknown = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
      if (unknown?.length) return unknown.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'Unknown field' }));
      return [{ path: path || (error.validationContext ?? ''), message: v.message ?? 'invalid' }];
    });
    return new AppError('validation_failed', 'Request is not valid', { fields });
  }
  if (error instanceof ZodError) return new AppError('validation_failed', 'Request is not valid', { fields: zodFields(error.issues) });
  return fromFastifyError(error as FastifyError) ?? new AppError('internal', 'Internal server error');
}

export function problemFor(appError: AppError, url?: string): Problem {
  const { retryAfterSeconds: _retry, ...details } = appError.details;
  return {
    type: `https://kesher.dev/problems/${appError.code}`,
    title: appError.code.replace(/_/g, ' '),
    status: statusOf(appError.code),
    code: appError.code,
    detail: appError.message,
    ...(url !== undefined && { instance: url.split('?')[0] }),
    ...details,
  };
}

/** Renders any error as problem+json; also used for the errors Fastify raises before routing (frameworkErrors). */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  const problem = problemFor(appError, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code }, appError.message);
  if (appError.details.retryAfterSeconds) reply.header('retry-after', String(appError.details.retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(sendProblem);
}
