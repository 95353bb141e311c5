// An API-version header every operation declares (ApiSpec's versionHeader), sent on every call from
// the `apiVersion` option. Passed to createApiClient by entries whose spec has one.
import { invalid } from "./validate.js";

export interface VersionHeaderSpec {
  readonly name: string;
  readonly values: readonly string[];
}

/** The header to send: `apiVersion`, by default the newest value. ValidationError naming `apiVersion` for another value. */
export function versionHeaders(spec: VersionHeaderSpec, apiVersion: unknown = [...spec.values].sort().at(-1)): Record<string, string> {
  if (!spec.values.includes(apiVersion as string)) invalid(`apiVersion must be one of ${spec.values.join(", ")} (sent as ${spec.name})`, "apiVersion");
  return { [spec.name.toLowerCase()]: apiVersion as string };
}
