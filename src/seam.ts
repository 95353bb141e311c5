// Entry "vendor-api-clients/seam": the Seam client, its types and the errors. Imports nothing from Sequence.
export {
  createSeamClient,
  defaultSeamEndpoint,
  type SeamAcsUserDeleteResult,
  type SeamClient,
  type SeamClientOptions,
  type SeamRequestOptions,
} from "./seam/client.js";
export { createRawSeamClient, type RawSeamClient } from "./seam/raw.js";
export type { SeamCredentials } from "./seam/auth.js";
export type { SeamAcsUserDeleteBody } from "./seam/body.js";
export type { CallOptions, RetryEvent, TransportOptions } from "./runtime/transport.js";
export { defaultRetryPolicy, type RetryPolicy } from "./runtime/retry-policy.js";
export { createRateLimiter, type RateLimiter, type RateLimitOptions } from "./runtime/rate-limiter.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  HttpError,
  InternalServerError,
  MalformedResponseError,
  NotFoundError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  type ApiErrorInit,
} from "./runtime/errors.js";
