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
}

/**
 * Base class of every error this package throws. Messages name the method and path and never
 * carry credentials: request headers are never stored on an error.
 */
export class ApiError extends Error {
  readonly method: string;
  readonly path: string;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The vendor's request id, from the response headers, when present. */
  readonly requestId: string | undefined;
  /** The parsed response body, when there was one. */
  readonly body: unknown;

  constructor(message: string, init: ApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.requestId = init.requestId;
    this.body = init.body;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for any error of this package, also one from another copy or realm. */
  static isApiError(value: unknown): value is ApiError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      requestId: this.requestId,
      body: this.body,
    };
  }
}

/** Bad input caught before any request was sent. `param` names the offending option or argument. */
export class ValidationError extends ApiError {
  readonly param: string;
  constructor(message: string, init: ApiErrorInit & { param: string }) {
    super(message, init);
    this.param = init.param;
  }
}

/** No response: DNS, refused or reset connection, or a body that broke off. */
export class ConnectionError extends ApiError {}

/** An attempt, or the whole call's deadline, ran out of time. */
export class TimeoutError extends ConnectionError {}

/** A 2xx response whose body is not the JSON the spec promises. `snippet` is its first bytes. */
export class MalformedResponseError extends ApiError {
  readonly snippet: string;
  constructor(message: string, init: ApiErrorInit & { snippet: string }) {
    super(message, init);
    this.snippet = init.snippet;
  }
}

/** Listing stopped because the server broke the pagination contract (a repeated cursor, say). */
export class PaginationError extends ApiError {}

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
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ApiErrorInit & { retryAfter?: number }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}
export class InternalServerError extends HttpError {}

const BY_STATUS: Record<number, typeof HttpError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "seam-request-id", "x-amzn-requestid"];

/** The vendor's request id from a response's headers, when present. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value != null) return value;
  }
  return undefined;
}

/** The one place a status becomes an error class. */
export function errorFromResponse(method: string, path: string, response: Response, body: unknown): HttpError {
  const status = response.status;
  const requestId = requestIdOf(response);
  const detail = vendorMessage(body);
  const message = `${method} ${path} failed with ${status}${detail ? `: ${detail}` : ""}`;
  const init = { method, path, status, requestId, body };
  if (status === 429) {
    return new RateLimitError(message, { ...init, retryAfter: parseRetryAfter(response.headers.get("retry-after")) });
  }
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : HttpError);
  return new Class(message, init);
}

/** Both vendors answer `{ error: { type, message } }`; fall back to nothing rather than guess. */
function vendorMessage(body: unknown): string | undefined {
  const error = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== "object") return undefined;
  const parts = [error.type, error.message].filter((p): p is string => typeof p === "string" && p !== "");
  return parts.length ? parts.join(": ").slice(0, 300) : undefined;
}
