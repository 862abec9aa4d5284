import type { z } from 'zod';
import type { ErrorCode, FieldError } from '../../../src/core/errors.js';

export type { ErrorCode, FieldError };

/** What a request can fail with: a server problem code, or no answer at all. */
export type ApiErrorCode = ErrorCode | 'network';

/** A failed request, carrying the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** From the `retry-after` header (seconds), on 429 answers. */
    readonly retryAfterSeconds?: number,
    /** The problem's other members (e.g. a version_conflict's updatedByName). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown, code?: ApiErrorCode): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

// The CSRF token of the current session; every non-GET request sends it.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Validates the answer; omit for 204 answers. */
  schema?: z.ZodType<T>;
  /**
   * The server's own request schema: the body is checked with it before it is sent, and a body it
   * refuses fails here with the very validation_failed error (paths and messages) the server would give.
   */
  bodySchema?: z.ZodType;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions<unknown>['query']) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const problem = (await response.json().catch(() => null)) as ({ code?: ErrorCode; detail?: string; fields?: FieldError[] } & Record<string, unknown>) | null;
  return new ApiError(
    response.status,
    problem?.code ?? (response.status >= 500 ? 'internal' : 'bad_request'),
    problem?.detail ?? response.statusText,
    problem?.fields ?? [],
    retryAfterSeconds,
    problem ?? {},
  );
}

/** Calls the Kesher API with the session cookie; throws ApiError on any failure. */
export async function request<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const checked = options.bodySchema?.safeParse(options.body);
  if (checked && !checked.success) {
    const fields = checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ApiError(400, 'validation_failed', 'Request is not valid', fields, undefined, { fields });
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || !options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}
