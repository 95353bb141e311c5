// Input checks before any request, proven with fast-check: no id can change the route, query values
// are encoded (never concatenated), limit follows the spec, and Seam bodies are exactly one shape.
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSeamClient, createSequenceClient, MalformedResponseError, ValidationError, type SeamClient, type SequenceClient } from "vendor-api-clients";
import { json, startServer, user, type FakeServer } from "./helpers/server.js";

let server: FakeServer;
let sequence: SequenceClient;
let seam: SeamClient;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === "/acs/users/delete") return json(res, 200, { ok: true });
    if (req.path === "/users") return json(res, 200, { items: [user("a")], pagination: { after: null } });
    json(res, 200, user(decodeURIComponent(req.path.slice("/users/".length)) || "x"));
  });
  sequence = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url, maxRetries: 0 });
  seam = createSeamClient({ apiKey: "seam_k", endpoint: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

/** Runs `call`; returns "refused" for a ValidationError (asserting nothing was sent), else "sent". */
async function outcome(call: () => Promise<unknown>): Promise<"refused" | "sent"> {
  server.requests.length = 0;
  try {
    await call();
  } catch (error) {
    if (error instanceof ValidationError) {
      expect(server.requests).toHaveLength(0);
      return "refused";
    }
    throw error;
  }
  expect(server.requests).toHaveLength(1);
  return "sent";
}

const DANGEROUS = ["/", "?", "#", "\\", "..", ".", "%2e%2e", "%2E%2e", "%2f", "%2F", "%252f", "%3f", "%23", "%5c", "%00", "\u0000", "\n", "／", "‥", "．"];
const pieces = fc.oneof(
  fc.constantFrom(...DANGEROUS),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("a", "ü", "😀", "%", "%41", "%25", "%2", "F", "e", "%EF%BC", "%BC", "%C0", "%AF", " ", "+", "&", "=", ";", "@", "~"),
);

/**
 * Every view a lenient decoder could reach, written independently of checkId: byte by byte, valid
 * %XX as that byte, everything else as its UTF-8, decoded with U+FFFD for bad bytes, until stable.
 */
function decodedViews(id: string): string[] {
  const views = [id];
  for (let round = 0; round < 300; round++) {
    const view = views[views.length - 1]!;
    const bytes: number[] = [];
    for (let i = 0; i < view.length; ) {
      if (view[i] === "%" && /^[\da-f]{2}$/i.test(view.slice(i + 1, i + 3))) {
        bytes.push(parseInt(view.slice(i + 1, i + 3), 16));
        i += 3;
      } else {
        const char = String.fromCodePoint(view.codePointAt(i)!);
        bytes.push(...new TextEncoder().encode(char));
        i += char.length;
      }
    }
    const next = new TextDecoder().decode(new Uint8Array(bytes));
    if (next === view) return views;
    views.push(next);
  }
  throw new Error("decodedViews: no fixed point in 300 rounds");
}
const REROUTES = (view: string) => {
  const text = view.replace(/%/g, "").normalize("NFKC");
  return /[/\\?#\u0000-\u001f\u007f-\u009f]/.test(text) || /^\s*\.\.?\s*$/.test(text);
};
const ids = fc.oneof(
  fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary" }),
  fc.constantFrom(...DANGEROUS),
  fc.string({ unit: "grapheme-ascii", minLength: 250, maxLength: 400 }),
);

describe("validation: ids", () => {
  it("validation: no id can change the route (property)", async () => {
    await fc.assert(
      fc.asyncProperty(ids, fc.constantFrom("get", "delete") as fc.Arbitrary<"get" | "delete">, async (id, method) => {
        const result = await outcome(() => sequence.users[method](id));
        if (result === "refused") return;
        const [req] = server.requests;
        // one segment under /users, exactly the encoded id, nothing normalised away, no query
        expect(req?.url).toBe(`/users/${encodeURIComponent(id)}`);
        expect(req?.path.split("/")).toHaveLength(3);
        expect(decodeURIComponent(req!.path.slice("/users/".length))).toBe(id);
        // and no depth of lenient decoding, NFKC or a dropped stray "%" makes it re-route
        expect(decodedViews(id).filter(REROUTES), JSON.stringify(id)).toEqual([]);
        expect(req?.method).toBe(method.toUpperCase());
      }),
      { numRuns: 1_000 },
    );
  });

  it("validation: ids that could re-route are refused before any request", async () => {
    const refused = [
      "",
      ".",
      "..",
      " .. ",
      "a/b",
      "/",
      "a?b",
      "a#b",
      "a\\b",
      "%2e%2e",
      "%2E%2E",
      ".%2e",
      "%2f",
      "a%2Fb",
      "%252e%252e",
      "%25252f",
      "a%3Fb",
      "a%23b",
      "a\u0000b",
      "a\nb",
      "a%0Ab",
      "\u007f",
      "a／b",
      "‥",
      "\ud800",
      "x".repeat(257),
    ];
    for (const id of refused) {
      for (const method of ["get", "delete"] as const) {
        const error = await sequence.users[method](id).catch((e: unknown) => e);
        expect(error, JSON.stringify(id)).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).param).toBe("id");
      }
    }
    expect(server.requests).toHaveLength(0);
    for (const notString of [undefined, null, 42, {}, ["a"]]) {
      await expect(sequence.users.get(notString as never)).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it("validation: ids are decoded to a fixed point, even beside stray \"%\", and refused if any depth could re-route", async () => {
    const refused = [
      "%2F%",
      "%2e%2e%",
      "..%2f%zz",
      "%00%",
      "%2525252F",
      "%2525252e%2525252e",
      `${"%25".repeat(20)}2F`,
      "a%zz%2Fb",
      "%%2F",
      "%EF%BC%8F", // "／" as UTF-8
      "%EF%BC%BC", // "＼"
      "%C0%AF", // an overlong "/": not UTF-8, and decoders disagree on it
      "%E2%80%A5%", // "‥"
    ];
    for (const id of refused) {
      expect(await outcome(() => sequence.users.get(id)), id).toBe("refused");
      const error = await sequence.users.delete(id).catch((e: unknown) => e);
      expect(error, id).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).param).toBe("id");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("validation: ordinary ids, unicode and the longest allowed, are sent encoded", async () => {
    const accepted = ["7b1f28b9-a4ad-450b-a0ea-fd647d5109b2", "acs_user9", "user-123", "a.b", "...", ".a", "jürgen", "用户", "😀", "a b", "a+b&c=d", "%41", "100%", "a%zz", "%", "50%%", "%25", "%E2%82%AC", "x".repeat(256)];
    for (const id of accepted) {
      expect(await outcome(() => sequence.users.get(id)), id).toBe("sent");
      expect(server.requests[0]?.url).toBe(`/users/${encodeURIComponent(id)}`);
    }
  });
});

describe("validation: query values", () => {
  it("validation: cursors are sent encoded, never concatenated (property)", async () => {
    const cursors = fc.oneof(
      fc.string({ unit: "binary", minLength: 1 }),
      fc.array(fc.constantFrom("&", "=", "?", "#", "/", "%", "+", " ", "limit=1", "before=x", "ü", "a"), { minLength: 1 }).map((p) => p.join("")),
    );
    await fc.assert(
      fc.asyncProperty(cursors, fc.boolean(), async (cursor, backwards) => {
        const params = backwards ? { before: cursor, limit: 5 } : { after: cursor, limit: 5 };
        expect(await outcome(() => sequence.users.list(params, { maxPages: 1 }).toArray())).toBe("sent");
        const [req] = server.requests;
        expect(req?.path).toBe("/users");
        expect([...req!.query.keys()].sort()).toEqual([backwards ? "before" : "after", "limit"]);
        expect(req?.query.get(backwards ? "before" : "after")).toBe(cursor);
        expect(req?.query.get("limit")).toBe("5");
      }),
      { numRuns: 200 },
    );
  });

  it("validation: empty, overlong or unencodable cursors are refused", async () => {
    for (const after of ["", "x".repeat(4097), "a\udc00"]) {
      expect(() => sequence.users.list({ after })).toThrow(ValidationError);
    }
  });

  it("validation: limit must be an integer from 1 to 100 (property)", async () => {
    const limits = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double(),
      fc.constantFrom(0, 1, 100, 101, 1.5, Number.NaN, Infinity, -0, "10", null),
    );
    await fc.assert(
      fc.asyncProperty(limits, async (limit) => {
        const valid = typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= 100;
        const result = await outcome(async () => sequence.users.list({ limit: limit as number }, { maxPages: 1 }).toArray());
        expect(result).toBe(valid ? "sent" : "refused");
        if (valid) expect(server.requests[0]?.query.get("limit")).toBe(String(limit));
      }),
      { numRuns: 300 },
    );
  });
});

describe("validation: seam body", () => {
  it("validation: a delete body is sent only when it is exactly one shape of string ids, whatever their format (property)", async () => {
    const value = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.integer(), fc.constant(undefined), fc.constant(null));
    const bodies = fc.record(
      { acs_user_id: value, user_identity_id: value, acs_system_id: value, other: value },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const present = Object.keys(body).filter((k) => (body as Record<string, unknown>)[k] !== undefined).sort();
        const shapeOk = present.join() === "acs_user_id" || present.join() === "acs_system_id,user_identity_id";
        const valid = shapeOk && present.every((k) => typeof (body as Record<string, unknown>)[k] === "string");
        const result = await outcome(() => seam.acs.users.delete(body as never));
        expect(result).toBe(valid ? "sent" : "refused");
        if (valid) expect(JSON.parse(server.requests[0]!.body)).toEqual(JSON.parse(JSON.stringify(body)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("seam client: the 200 body of acs.users.delete", () => {
  it("seam client: { ok: false } on a 200 resolves as the server sent it; a body without a boolean ok is MalformedResponseError", async () => {
    const bodies: unknown[] = [{ ok: false }, { ok: "false" }, {}];
    const other = await startServer();
    try {
      const client = createSeamClient({ apiKey: "seam_k", endpoint: other.url, maxRetries: 0 });
      const results = [];
      for (let i = 0; i < bodies.length; i++) {
        other.handle((_req, res) => json(res, 200, bodies[i]));
        results.push(await client.acs.users.delete({ acs_user_id: "u1" }).catch((e: unknown) => e));
      }
      expect(results[0]).toEqual({ ok: false });
      expect(results[1]).toBeInstanceOf(MalformedResponseError);
      expect(results[2]).toBeInstanceOf(MalformedResponseError);
      expect(other.requests).toHaveLength(3);
    } finally {
      await other.close();
    }
  });
});
