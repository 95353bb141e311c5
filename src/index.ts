// The public surface: named re-exports only. Subpath entries "vendor-api-clients/sequence" and
// "vendor-api-clients/seam" hold each API alone; this entry holds both, the errors, and the
// reliability helpers (retry policy defaults, client-side rate limiter).
//
// Left out on purpose:
// - createRawClient / generated types: use createRawSequenceClient / createRawSeamClient, which
//   apply the same auth, headers and transport.
// - createTransport: an internal seam; its options are accepted by both client factories.
// - errorFromResponse, requestIdOf: the internal status → class mapping; catch the classes instead.
// - validation and response-reading helpers: internal, their checks are documented on the methods.
export {
  createSequenceClient,
  defaultSequenceEnvironment,
  latestSequenceApiVersion,
  sequenceApiVersions,
  sequenceEnvironments,
  type ListUsersOptions,
  type ListUsersParams,
  type RequestOptions,
  type SequenceApiVersion,
  type SequenceClient,
  type SequenceClientOptions,
  type SequenceEnvironment,
  type SequenceUsersPage,
} from "./sequence/client.js";
export { createRawSequenceClient, type RawSequenceClient } from "./sequence/raw.js";
export type { CursorPage, ItemOf, PaginateOptions, Paginator, SettledPage } from "./runtime/pagination.js";
export type { ListSequenceUsersResponse, PaginationResponse, SequenceUser } from "./sequence/types.js";
export {
  actions,
  can,
  permissionsOf,
  resources,
  roleNames,
  rolesAllowing,
  type Action,
  type ActionOn,
  type Permission,
  type Resource,
  type Role,
  type RoleName,
  type RoleSubject,
} from "./sequence/roles.js";
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
export { sequenceRateLimit } from "./sequence/rate-limit.js";
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
