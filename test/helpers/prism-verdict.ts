// What Prism's answer says about one request: the request violations it found, the ones Prism
// cannot judge (its own parser's limits, or a spec no request can satisfy; each with the reason),
// and notes that are not about the request (a mock response Prism could not build).
import type { Received } from "../../src/runtime/transport.js";
import { resolve } from "./sample-request.js";

export interface Finding {
  /** "request.body.file" or "query.limit"; "" when Prism names no place. */
  location: string;
  message: string;
}

export interface Verdict {
  violations: string[];
  unjudged: string[];
  notes: string[];
}

/** Prism's answer: its problem detail (application/problem+json) and sl-violations header. */
function findings(received: Received): { problem?: { status: number; type: string; detail: string }; list: Finding[] } {
  const list: Finding[] = [];
  let problem: { status: number; type: string; detail: string } | undefined;
  if ((received.headers.get("content-type") ?? "").includes("problem+json") && received.body) {
    try {
      const body = JSON.parse(Buffer.concat(received.body).toString("utf8"));
      if (String(body?.type ?? "").includes("stoplight.io/prism/errors")) {
        problem = { status: received.status, type: String(body.type).split("#")[1] ?? "", detail: body.detail || body.title || "" };
        for (const v of body.validation ?? []) list.push({ location: (v.location ?? []).join("."), message: String(v.message) });
      }
    } catch {}
  }
  const raw = received.headers.get("sl-violations");
  if (raw) {
    try {
      for (const v of JSON.parse(raw) as any[]) if (String(v.severity).toLowerCase() === "error") list.push({ location: (v.location ?? []).join("."), message: String(v.message) });
    } catch {
      list.push({ location: "", message: `sl-violations: ${raw}` });
    }
  }
  return { problem, list };
}

/** [VALIDATOR] error lines of Prism's log (it logs what it found even when it mocks the spec's own 4xx). */
function logFindings(log: string): Finding[] {
  return log
    .split("\n")
    .filter((line) => line.includes("[VALIDATOR]") && line.includes("✖"))
    .map((line) => ({ location: "", message: line.replace(/^.*\[VALIDATOR\]\s*✖\s*error\s*/, "").trim() }))
    .filter((f) => !/^Violation: response|^Response /i.test(f.message));
}

export interface Sent {
  contentType?: string;
  /** The operation, to look up a parameter's schema. */
  op: Record<string, any>;
  pathItem: Record<string, any>;
  doc: Record<string, any>;
  /** A security scheme the client cannot send (apiKey in query), when that is all the operation offers. */
  unsentSecurity?: string;
}

/**
 * Findings Prism reports that no client could pass: Prism's own parser limits, or a spec whose
 * schema no request can meet. Each returns the reason, or undefined when the finding stands.
 */
const CANNOT_JUDGE: ((f: Finding, sent: Sent) => string | undefined)[] = [
  (f, { contentType }) =>
    contentType === "multipart/form-data" && / must be (object|array)$/.test(f.message)
      ? "Prism reads each multipart part as one string (prism-http validators/body.js, parseMultipartFormDataParams): a JSON part (OpenAPI's default for objects) or repeated parts (arrays) cannot pass"
      : undefined,
  (f, { contentType }) =>
    contentType === "multipart/form-data" && f.message === "Reserved characters used in request body"
      ? "Prism applies encoding.allowReserved to multipart parts; OpenAPI applies it only to application/x-www-form-urlencoded"
      : undefined,
  (f, { contentType }) =>
    contentType === "application/x-www-form-urlencoded" && f.message.startsWith("Cannot deserialize JSON object array in form data")
      ? "Prism wants an array of objects in a form body as JSON; the API takes bracketed nesting (items[0][price]=…), which the client sends"
      : undefined,
  (f, { contentType, op, doc }) => {
    if (!f.location.startsWith("request.body") && f.location !== "body") return undefined;
    const schema = resolve(doc, resolve(doc, op.requestBody)?.content?.[contentType ?? ""]?.schema);
    return contentType && !/json|form|text\/|xml/.test(contentType) && schema && schema.type !== "string"
      ? `the spec describes the ${contentType} body with a ${schema.type ?? "non-string"} schema, which no byte stream can meet`
      : undefined;
  },
  (f, { contentType, op, doc }) => {
    const missing = /^Request body must have required property '(.+)'$/.exec(f.message)?.[1];
    const schema = resolve(doc, resolve(doc, op.requestBody)?.content?.[contentType ?? ""]?.schema);
    return missing && /form/.test(contentType ?? "") && schema?.properties && !(missing in schema.properties)
      ? `the spec requires ${missing} without declaring it, and Prism keeps only declared properties of a form body (the client sent it)`
      : undefined;
  },
  (f, { op, pathItem, doc }) => {
    const m = /^Request (query|path|header) parameter (\S+) must be equal to one of the allowed values/.exec(f.message);
    if (!m) return undefined;
    const param = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(doc, p)).find((p) => p?.in === m[1] && p.name === m[2]);
    const schema = resolve(doc, param?.schema);
    return schema && schema.type === undefined && (schema.enum ?? []).some((v: unknown) => typeof v !== "string")
      ? `${m[2]}'s enum holds non-strings and the schema has no type, so Prism cannot coerce the ${m[1]} string to compare`
      : undefined;
  },
  (f) =>
    /^Request query must have required property '[^']*%5b/.test(f.message)
      ? "Prism cannot match a query parameter whose name holds brackets (Telnyx's filter[tag]): it looks for the percent-encoded name, whether the request encodes the brackets or not"
      : undefined,
  (f, { unsentSecurity }) =>
    unsentSecurity && f.message === "Invalid security scheme used" ? `Prism demands ${unsentSecurity}; the client sends credentials in headers only` : undefined,
];

export function verdict(received: Received, log: string, sent: Sent): Verdict {
  const { problem, list } = findings(received);
  const out: Verdict = { violations: [], unjudged: [], notes: [] };
  // a problem with no findings of its own speaks for itself (401 security, 404/405 route, 415 media)
  const all = list.length ? list : problem ? [{ location: "", message: problem.status === 401 ? "Invalid security scheme used" : problem.detail }] : logFindings(log);
  const seen = new Set<string>();
  for (const f of all) {
    const text = `${f.location ? `${f.location}: ` : ""}${f.message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    if (f.location.startsWith("response")) {
      out.notes.push(`Prism's mock response breaks the spec: ${text}`);
      continue;
    }
    if (problem && problem.status >= 500 && !f.location.startsWith("request")) {
      out.notes.push(`Prism could not answer (${problem.status} ${problem.type}): ${text}`);
      continue;
    }
    const reason = CANNOT_JUDGE.map((rule) => rule(f, sent)).find(Boolean);
    if (reason) out.unjudged.push(`${text} (${reason})`);
    else out.violations.push(problem && !f.location ? `${problem.status} ${problem.type}: ${text}` : text);
  }
  return out;
}
