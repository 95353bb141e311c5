// Entry "vendor-api-clients/sequence": the Sequence client, its types, role lookups and the errors.
// Imports nothing from Seam.
export {
  createSequenceClient,
  defaultSequenceEnvironment,
  latestSequenceApiVersion,
  sequenceEnvironments,
  sequenceApiVersions,
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
