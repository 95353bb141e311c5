// @ts-check
// The two consumer files that bench/consumer-tsc/run.mjs type-checks, as text: as .ts files under
// bench/ the repo's own `tsc -p tsconfig.json` would check them, and their imports exist only in the
// bench's temp project. Both make the same call, GET /v1/customers/{customer}, and read `id`.

/** Against our generated Stripe entry, as a user writes it: the factory, one operation, `client.request`. */
export const ours = `import { createStripeClient, GetCustomersCustomer } from "./generated/stripe/index.js";

const client = createStripeClient({ auth: { bearerAuth: "sk_test_123" } });

const customer = await client.request(GetCustomersCustomer, { params: { path: { customer: "cus_123" } } });
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
  "the operation entries (generated operations.js + .d.ts) alone": `import { GetCustomersCustomer } from "./generated/stripe/operations.js";
console.log(GetCustomersCustomer.path);
`,
  "the generated types (types.ts) alone": `import type { paths } from "./generated/stripe/types.js";
export type P = paths["/v1/customers/{customer}"];
`,
  "the runtime's client (src/runtime/api-client.ts and what it imports) alone": `import { createApiClient } from "./src/runtime/api-client.js";
console.log(createApiClient);
`,
  "the entry (generated index.ts), no call": `import { createStripeClient } from "./generated/stripe/index.js";
console.log(createStripeClient);
`,
  "our generated types.ts through openapi-fetch's createClient (the peer's file on our types)": peer.replace("./peer/stripe.js", "./generated/stripe/types.js"),
};
