import { base64Utf8 } from "../runtime/base64.js";
import { readEnv } from "../runtime/environments.js";
import { invalid } from "../runtime/validate.js";

export interface SequenceCredentials {
  /** Default: env SEQUENCE_CLIENT_ID. */
  clientId?: string;
  /** Default: env SEQUENCE_CLIENT_SECRET. */
  clientSecret?: string;
}

function credential(value: unknown, param: string, envVar: string): string {
  const resolved = value === undefined ? readEnv(envVar) : value;
  if (typeof resolved !== "string" || !resolved) {
    invalid(`${param} is missing or empty: pass { ${param} } to createSequenceClient or set ${envVar}`, param);
  }
  return resolved;
}

/** The `Authorization` value for Sequence: HTTP Basic over the UTF-8 bytes of `clientId:clientSecret`. */
export function sequenceAuthorization(options: SequenceCredentials): { authorization: string; secrets: string[] } {
  const clientId = credential(options.clientId, "clientId", "SEQUENCE_CLIENT_ID");
  const clientSecret = credential(options.clientSecret, "clientSecret", "SEQUENCE_CLIENT_SECRET");
  // RFC 7617: the user-id ends at the first colon, so one inside it would be misread as the secret.
  if (clientId.includes(":")) invalid(`clientId must not contain ":"`, "clientId");
  const token = base64Utf8(`${clientId}:${clientSecret}`);
  return { authorization: `Basic ${token}`, secrets: [clientSecret, token] };
}
