import { parseRetryAfter } from "./retry-after.js";

// A brand instead of `instanceof` alone, so guards also work across realms and duplicate installs.
const BRAND = Symbol.for("vendor-api-clients.ApiError");

export interface ApiErrorInit {
  method: string;
  /** The URL path (no origin, no query), e.g. `/users/123`. */
  path: string;
  status?: number;
  requestId?: string;
  body?: unknown;
  cause?: unknown;
  /** ValidationError's `param`, MalformedResponseError's `snippet`, RedirectError's `location`, RateLimitError's `retryAfter`. */
  param?: string;
  snippet?: string;
  location?: string | undefined;
  retryAfter?: number | undefined;
}

/**
 * Base class of every error this package throws. Messages name the method and path and never
 * carry credentials: request headers are never stored on an error.
 */
export class ApiError extends Error {
  declare readonly method: string;
  declare readonly path: string;
  /** HTTP status, when a response arrived. */
  declare readonly status: number | undefined;
  /** The vendor's request id, from the response headers, when present. */
  declare readonly requestId: string | undefined;
  /** The parsed response body, when there was one. */
  declare readonly body: unknown;

  // Subclasses' extra fields (param, snippet, retryAfter) arrive in `init` too and are copied as they are.
  constructor(message: string, { cause, ...fields }: ApiErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
  }

  /** True for any error of this package, also one from another copy or realm. */
  static isApiError(value: unknown): value is ApiError {
    return (value as Record<symbol, unknown> | null)?.[BRAND] === true;
  }

  toJSON(): Record<string, unknown> {
    const { name, message, method, path, status, requestId, body } = this;
    return { name, message, method, path, status, requestId, body };
  }
}

/** Bad input caught before any request was sent. `param` names the offending option or argument. */
export class ValidationError extends ApiError {
  declare readonly param: string;
}

/** No response: DNS, refused or reset connection, or a body that broke off. */
export class ConnectionError extends ApiError {}

/** An attempt, or the whole call's deadline, ran out of time. */
export class TimeoutError extends ConnectionError {}

/** A 2xx response whose body is not the JSON the spec promises. `snippet` is its first bytes. */
export class MalformedResponseError extends ApiError {
  declare readonly snippet: string;
}

/** Listing stopped because the server broke the pagination contract (a repeated cursor, say). */
export class PaginationError extends ApiError {}

/**
 * The server answered with a redirect. API calls never follow one: the target could take the
 * credential headers or replay a delete. `location` is the target's origin only, never its URL.
 */
export class RedirectError extends ApiError {
  declare readonly status: number;
  declare readonly location: string | undefined;
}

/** A response body grew past `maxResponseBytes` (counted after decompression); reading stopped there. */
export class ResponseTooLargeError extends ApiError {}

/** Any 4xx or 5xx response. */
export class HttpError extends ApiError {
  declare readonly status: number;
}
export class BadRequestError extends HttpError {}
export class AuthenticationError extends HttpError {}
export class PermissionDeniedError extends HttpError {}
export class NotFoundError extends HttpError {}
export class ConflictError extends HttpError {}
export class UnprocessableEntityError extends HttpError {}
export class RateLimitError extends HttpError {
  /** Seconds to wait, from `Retry-After`, when the server said. */
  declare readonly retryAfter: number | undefined;
}
export class InternalServerError extends HttpError {}

// Names as strings, on the prototypes: an app's minifier renames classes, and logs show `name`.
const names: Record<string, typeof ApiError> = {
  ApiError,
  ValidationError,
  ConnectionError,
  TimeoutError,
  MalformedResponseError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  HttpError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
};
for (const name in names) names[name]!.prototype.name = name;
(ApiError.prototype as unknown as Record<symbol, boolean>)[BRAND] = true;

const BY_STATUS: Record<number, typeof HttpError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The vendor's request id from a response's headers, when present, redacted like any response text. */
export function requestIdOf(response: { readonly headers: Headers }, redact: (text: string) => string): string | undefined {
  for (const name of ["x-request-id", "request-id", "seam-request-id", "x-amzn-requestid"]) {
    const value = response.headers.get(name);
    if (value != null) return redact(value);
  }
}

/** The one place a status becomes an error class. */
export function errorFromResponse(method: string, path: string, response: { readonly status: number; readonly headers: Headers }, body: unknown, redact: (text: string) => string): HttpError {
  const { status, headers } = response;
  // Both vendors answer `{ error: { type, message } }`; say nothing rather than guess otherwise.
  const error = (body as { error?: { type?: unknown; message?: unknown } } | null)?.error;
  const detail = [error?.type, error?.message].filter((part) => typeof part === "string" && part).join(": ").slice(0, 300);
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : HttpError);
  return new Class(`${method} ${path} failed with ${status}${detail && `: ${detail}`}`, {
    method,
    path,
    status,
    requestId: requestIdOf(response, redact),
    body,
    ...(status === 429 && { retryAfter: parseRetryAfter(headers.get("retry-after")) }),
  });
}
