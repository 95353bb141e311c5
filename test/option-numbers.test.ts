// Numeric options of both clients, per client and per call: anything but a finite number in range
// (a string, NaN, Infinity, a negative, a fraction where a count is meant) is a ValidationError
// naming the option, thrown before anything is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSeamClient, createSequenceClient, ValidationError } from "vendor-api-clients";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());

// option → values it must refuse
const BAD: Record<string, unknown[]> = {
  timeoutMs: ["2000", Number.NaN, 0, -1, Number.POSITIVE_INFINITY, 2 ** 31],
  deadlineMs: ["2000", Number.NaN, 0, Number.POSITIVE_INFINITY, null],
  maxRetries: ["2", -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
  maxResponseBytes: ["1000", 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
};
const BAD_RETRY: Record<string, unknown[]> = {
  baseDelayMs: ["500", -1, Number.NaN, Number.POSITIVE_INFINITY],
  maxDelayMs: ["8000", -1, Number.NaN],
  jitter: ["0.1", -0.1, 1.5, Number.NaN],
  maxRetryAfterMs: ["60000", -1, Number.POSITIVE_INFINITY],
};

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("options: numbers", () => {
  it("options: a bad numeric client option is a ValidationError naming it, for both clients", () => {
    for (const [name, values] of Object.entries(BAD)) {
      for (const value of values) {
        for (const make of [() => createSequenceClient({ ...fake.sequenceClientOptions, [name]: value }), () => createSeamClient({ ...fake.seamClientOptions(), [name]: value })]) {
          const error = refusal(make);
          expect(error, `${name}: ${String(value)}`).toBeInstanceOf(ValidationError);
          expect(error.param).toBe(name);
          expect(error.message).toMatch(new RegExp(`^${name} must be a (whole )?number from \\d+ to \\d+; omit it for the default$`));
        }
      }
    }
  });

  it("options: a bad retry policy field is a ValidationError naming it, per client and per call", async () => {
    const sequence = createSequenceClient(fake.sequenceClientOptions);
    for (const [name, values] of Object.entries(BAD_RETRY)) {
      for (const value of values) {
        const error = refusal(() => createSequenceClient({ ...fake.sequenceClientOptions, retry: { [name]: value } }));
        expect(error, `${name}: ${String(value)}`).toBeInstanceOf(ValidationError);
        expect(error.param).toBe(name);
        await expect(sequence.users.get("u1", { retry: { [name]: value } })).rejects.toMatchObject({ name: "ValidationError", param: name });
      }
    }
    expect(fake.requests).toEqual([]);
  });

  it("options: a bad per-call number rejects before any request, naming the call and the option", async () => {
    const sequence = createSequenceClient(fake.sequenceClientOptions);
    const seam = createSeamClient(fake.seamClientOptions());
    for (const [name, values] of Object.entries(BAD)) {
      if (name === "maxResponseBytes") continue; // a client option only
      for (const value of values) {
        const error = await sequence.users.get("u1", { [name]: value }).catch((e: unknown) => e);
        expect(error, `${name}: ${String(value)}`).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).message).toMatch(new RegExp(`^GET /users/u1: ${name} must be a `));
        await expect(seam.acs.users.delete({ acs_user_id: "acs_user_1" }, { [name]: value })).rejects.toMatchObject({ name: "ValidationError", param: name });
      }
    }
    // the case that ran 13 s and 7 requests: a string deadline used to turn the deadline off
    await expect(sequence.users.list({}, { deadlineMs: "2000" as never }).toArray()).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests).toEqual([]);
  });

  it("options: numbers in range are accepted, including 0 retries and jitter 1", async () => {
    const sequence = createSequenceClient({ ...fake.sequenceClientOptions, maxRetries: 0, timeoutMs: 2 ** 31 - 1, retry: { jitter: 1, baseDelayMs: 0 } });
    const [first] = await sequence.users.list({ limit: 1 }, { maxPages: 1, deadlineMs: 5_000, timeoutMs: 1_000.5 }).toArray();
    await expect(sequence.users.get(String((first as { id: string }).id), { maxRetries: 3, retry: { maxRetryAfterMs: 0 } })).resolves.toMatchObject({ id: (first as { id: string }).id });
  });
});
