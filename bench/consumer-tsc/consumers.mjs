// @ts-check
// The two consumer files that bench/consumer-tsc/run.mjs type-checks, as text: as .ts files under
// bench/ the repo's own `tsc -p tsconfig.json` would check them, and their imports exist only in the
// bench's temp project. Both make the same call, GET /v1/customers/{customer}, and read `id`.

/** Against our generated Stripe client, through the request helper (src/runtime/request.ts), as a facade does. */
export const ours = `import { operations } from "./generated/stripe/client.js";
import { responseShapes } from "./generated/stripe/response-checks.js";
import type { paths } from "./generated/stripe/types.js";
import { createRequester } from "./src/runtime/request.js";
import { encodeParams } from "./src/runtime/request-params.js";
import { createTransport } from "./src/runtime/transport.js";

const request = createRequester<paths>({
  baseUrl: "https://api.stripe.com",
  headers: { authorization: "Bearer sk_test_123" },
  transport: createTransport(),
  redact: (text) => text,
  shapes: responseShapes,
  encodeParams,
});

const customer = await request(operations.GetCustomersCustomer, { params: { path: { customer: "cus_123" } } });
console.log(customer.id);
`;

/** The same, written against openapi-typescript's output for the same spec and openapi-fetch alone. */
export const peer = `import createClient from "openapi-fetch";
import type { paths } from "./peer/stripe.js";

const client = createClient<paths>({ baseUrl: "https://api.stripe.com", headers: { authorization: "Bearer sk_test_123" } });

const { data, error } = await client.GET("/v1/customers/{customer}", { params: { path: { customer: "cus_123" } } });
if (error) throw new Error("GET /v1/customers/{customer} failed");
console.log(data.id);
`;

/**
 * For --breakdown: one piece of `ours` each, to see which part costs the checker what (tsc's own
 * counters, one run each, not timed against each other).
 */
export const pieces = {
  "the operations table (generated client.ts) alone": `import { operations } from "./generated/stripe/client.js";
console.log(operations.GetCustomersCustomer.path);
`,
  "the response checks (generated response-checks.ts) alone": `import { responseShapes } from "./generated/stripe/response-checks.js";
console.log(Object.keys(responseShapes).length);
`,
  "the request helper's src/ files alone": `import { createRequester } from "./src/runtime/request.js";
import { encodeParams } from "./src/runtime/request-params.js";
import { createTransport } from "./src/runtime/transport.js";
console.log(createRequester, encodeParams, createTransport);
`,
  "ours without the response checks (shapes: {})": ours.replace('import { responseShapes } from "./generated/stripe/response-checks.js";\n', "").replace("shapes: responseShapes,", "shapes: {},"),
  "our generated types.ts through openapi-fetch's createClient (the peer's file on our types)": peer.replace("./peer/stripe.js", "./generated/stripe/types.js"),
};
