// Oracle 2's sender and judge: every operation of a generated vendor API goes out through our own
// request path (createRequester + the generated operation table + our transport) to Prism mocking
// the bundled spec with --errors, and Prism's verdict on the request is collected per operation.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { createRequester, type OperationSpec, type RequestConfig } from "../../src/runtime/request.js";
import { encodeBody } from "../../src/runtime/body-encoding.js";
import { encodeStyledParams } from "../../src/runtime/param-style.js";
import { decodeResponse } from "../../src/runtime/response-media.js";
import { createTransport, type Received, type Transport } from "../../src/runtime/transport.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { startPrism } from "./prism.js";
import { repoRoot } from "./project.js";
import { importFrom } from "./repo-copy.js";
import { verdict } from "./prism-verdict.js";
import { credentials, operationsOf, resolve, sampleRequests, type SampleRequest } from "./sample-request.js";
import type { VendorProject } from "./vendor-corpus.js";

export interface Outcome {
  label: string;
  /** The generated table's key for the operation, when it has one. */
  key?: string;
  status?: number;
  /** What Prism said is wrong with the request: empty when it accepted it. */
  violations: string[];
  /** What Prism found but cannot judge (its parser's limits, or a spec no request can meet), with why. */
  unjudged: string[];
  /** Our client's own complaint after the response arrived (not a request error). */
  response?: string;
  notes: string[];
}

export interface CheckOptions {
  /** Replaces the credentials for each operation (to prove the judge sees a rejected request). */
  credentials?: typeof credentials;
}

export interface VendorReport {
  name: string;
  outcomes: Outcome[];
  failures: Outcome[];
  ms: number;
  /** Of which Prism's start-up. */
  prismStartMs: number;
}

/**
 * Sends every operation of `vendor`'s bundle to a Prism of its own and returns what Prism said.
 * A request Prism rejects with the spec's examples is tried again with pure schema samples (a
 * vendor's example can be wrong); the second verdict counts, and the first is kept as a note.
 */
export async function checkVendor(vendor: VendorProject, options: CheckOptions = {}): Promise<VendorReport> {
  const started = performance.now();
  const dir = join(vendor.project.dir, "generated", vendor.name);
  const doc = parse(readFileSync(join(dir, "openapi.yaml"), "utf8"), { maxAliasCount: -1 });
  const { operations } = await importFrom<{ operations: Record<string, OperationSpec> }>(vendor.project, `generated/${vendor.name}/client.ts`);
  // every codec of the request path: all parameter styles, bodies and responses by media type
  const codecs = { encodeParams: encodeStyledParams, encodeBody, decodeResponse };
  const prismStarted = performance.now();
  const prism = await startPrism(relative(repoRoot, join(dir, "openapi.yaml")));
  const startMs = performance.now() - prismStarted;
  let last: Received | undefined;
  const inner = createTransport({ maxRetries: 0, timeoutMs: 15_000 });
  const transport: Transport = async (input, init, call) => (last = await inner(input, init, call));
  const outcomes: Outcome[] = [];
  try {
    for (const { path, method } of operationsOf(doc)) {
      const entry = Object.entries(operations).find(([, op]) => op.method === method.toUpperCase() && op.path === path);
      const pathItem = resolve(doc, doc.paths[path]);
      const op = pathItem[method];
      const auth = (options.credentials ?? credentials)(doc, op);
      const send = async (request: SampleRequest): Promise<Outcome> => {
        const outcome: Outcome = { label: request.label, violations: [], unjudged: [], notes: [...request.notes] };
        if (!entry) {
          outcome.violations.push("not in the generated operation table");
          return outcome;
        }
        outcome.key = entry[0];
        const config: RequestConfig = { baseUrl: prism.url, headers: auth.headers, transport, redact: (t) => t, ...codecs };
        const request$ = createRequester<any>(config);
        const logStart = prism.log().length;
        last = undefined;
        try {
          await request$(entry[1] as any, { params: request.params, body: request.body, ...(request.contentType ? { contentType: request.contentType } : {}) } as any);
        } catch (error) {
          if (!last) {
            // refused before anything was sent
            outcome.violations.push(`client refused: ${error instanceof ValidationError ? error.message : String(error)}`);
            return outcome;
          }
          outcome.response = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
        }
        const received = last!;
        outcome.status = received.status;
        await new Promise((r) => setTimeout(r, 30)); // let Prism's log lines for this request arrive
        const found = verdict(received, prism.log().slice(logStart), { contentType: request.contentType, op, pathItem, doc, unsentSecurity: auth.unsent });
        outcome.violations.push(...found.violations);
        outcome.unjudged.push(...found.unjudged);
        outcome.notes.push(...found.notes);
        return outcome;
      };
      for (const request of sampleRequests(doc, path, method, true)) {
        let outcome = await send(request);
        if (outcome.violations.length && outcome.status !== undefined) {
          const retry = sampleRequests(doc, path, method, false).find((r) => r.label === request.label);
          if (retry) {
            const second = await send(retry);
            if (second.violations.length === 0) second.notes.push(`the spec's example was rejected: ${outcome.violations.join("; ")}`);
            outcome = second;
          }
        }
        outcomes.push(outcome);
      }
    }
  } finally {
    await prism.close();
  }
  return { name: vendor.name, outcomes, failures: outcomes.filter((o) => o.violations.length > 0), ms: performance.now() - started, prismStartMs: startMs };
}

/** A table per vendor: operations sent, Prism's request errors, time; then each failure and why. */
export function formatReports(reports: readonly VendorReport[]): string {
  const lines = ["vendor            sent  rejected  unjudged  time (Prism start)"];
  for (const r of reports) {
    const unjudged = r.outcomes.filter((o) => o.unjudged.length && !o.violations.length).length;
    lines.push(`${r.name.padEnd(16)} ${String(r.outcomes.length).padStart(5)} ${String(r.failures.length).padStart(9)} ${String(unjudged).padStart(9)}  ${(r.ms / 1000).toFixed(1)} s (${(r.prismStartMs / 1000).toFixed(1)} s)`);
  }
  for (const r of reports) {
    for (const f of r.failures) lines.push(`${r.name}: ${f.label}${f.status ? ` → ${f.status}` : ""}\n    ${f.violations.join("\n    ")}`);
    for (const o of r.outcomes) if (o.unjudged.length) lines.push(`${r.name}: ${o.label} (unjudged)\n    ${o.unjudged.join("\n    ")}`);
    for (const o of r.outcomes) if (o.response || o.notes.length) lines.push(`${r.name}: ${o.label} (note)${o.response ? `\n    response: ${o.response}` : ""}${o.notes.map((n) => `\n    ${n}`).join("")}`);
  }
  return lines.join("\n");
}
