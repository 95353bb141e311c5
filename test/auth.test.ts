import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSeamClient, createSequenceClient, ValidationError } from "vendor-api-clients";
import { json, startServer, user, type FakeServer } from "./helpers/server.js";

let server: FakeServer;

beforeAll(async () => {
  // Decodes Basic credentials the way a server does (base64 → UTF-8 bytes → text) and echoes them.
  server = await startServer((req, res) => {
    const match = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
    const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    json(res, 200, user("u1", { email: JSON.stringify([decoded.slice(0, colon), decoded.slice(colon + 1)]) }));
  });
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("auth: sequence", () => {
  it("auth: Basic credentials survive non-ASCII ids and secrets byte for byte", async () => {
    const cases = [
      ["plain", "secret"],
      ["клиент", "пароль-秘密-🔑"],
      ["é", "ü:with:colons"],
      ["id", "\u00ff\u0100\u07ff\u0800\uffff"],
    ] as const;
    for (const [clientId, clientSecret] of cases) {
      const found = await createSequenceClient({ clientId, clientSecret, baseUrl: server.url }).users.get("u1");
      expect(JSON.parse(found.email)).toEqual([clientId, clientSecret]);
    }
  });

  it("auth: a missing clientId or clientSecret fails at construction, naming the option and env var", () => {
    vi.stubEnv("SEQUENCE_CLIENT_ID", "");
    vi.stubEnv("SEQUENCE_CLIENT_SECRET", "");
    const noId = validationError(() => createSequenceClient({ clientSecret: "s" }));
    expect(noId.param).toBe("clientId");
    expect(noId.message).toContain("clientId");
    expect(noId.message).toContain("SEQUENCE_CLIENT_ID");
    const noSecret = validationError(() => createSequenceClient({ clientId: "i" }));
    expect(noSecret.param).toBe("clientSecret");
    expect(noSecret.message).toContain("SEQUENCE_CLIENT_SECRET");
  });

  it("auth: options win over the environment", async () => {
    vi.stubEnv("SEQUENCE_CLIENT_ID", "env-id");
    vi.stubEnv("SEQUENCE_CLIENT_SECRET", "env-secret");
    const found = await createSequenceClient({ clientId: "opt-id", clientSecret: "opt-secret", baseUrl: server.url }).users.get("u1");
    expect(JSON.parse(found.email)).toEqual(["opt-id", "opt-secret"]);
  });

  it("auth: a clientId with a colon, or empty credentials, are refused", () => {
    expect(validationError(() => createSequenceClient({ clientId: "a:b", clientSecret: "s" })).param).toBe("clientId");
    expect(validationError(() => createSequenceClient({ clientId: "", clientSecret: "s" })).param).toBe("clientId");
    expect(validationError(() => createSequenceClient({ clientId: "a", clientSecret: "" })).param).toBe("clientSecret");
  });

  it("auth: unknown environments, bad base URLs and bad versions are refused without echoing them", () => {
    const env = validationError(() => createSequenceClient({ clientId: "a", clientSecret: "b", environment: "staging" as never }));
    expect(env.param).toBe("environment");
    expect(env.message).toContain("production");
    expect(validationError(() => createSequenceClient({ clientId: "a", clientSecret: "b", environment: "toString" as never })).param).toBe(
      "environment",
    );
    expect(validationError(() => createSequenceClient({ clientId: "a", clientSecret: "b", baseUrl: "eu.sequencehq.com" })).param).toBe("baseUrl");
    const withCreds = validationError(() =>
      createSequenceClient({ clientId: "a", clientSecret: "b", baseUrl: "https://user:hunter2@example.test" }),
    );
    expect(withCreds.message).not.toContain("hunter2");
    expect(validationError(() => createSequenceClient({ clientId: "a", clientSecret: "b", apiVersion: "latest\r\nx: y" as never })).param).toBe(
      "apiVersion",
    );
  });
});

describe("auth: seam", () => {
  const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig";
  const seam = (options: Record<string, unknown>) => () => createSeamClient(options as never);

  it("auth: a missing credential names apiKey and SEAM_API_KEY", () => {
    vi.stubEnv("SEAM_API_KEY", "");
    const error = validationError(seam({}));
    expect(error.param).toBe("apiKey");
    expect(error.message).toContain("SEAM_API_KEY");
  });

  it("auth: a token of the wrong kind gets a specific message", () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ apiKey: "seam_at1_secretpat" }, "apiKey", /personal access token .*cannot be used as an apiKey/],
      [{ apiKey: JWT }, "apiKey", /JWT .*cannot be used as an apiKey/],
      [{ apiKey: "seam_cst1_secretcst" }, "apiKey", /client session token .*cannot be used as an apiKey/],
      [{ apiKey: "seam_pk1_secretpk" }, "apiKey", /publishable key .*cannot be used as an apiKey/],
      [{ apiKey: "sk_live_other_vendor" }, "apiKey", /should start with seam_/],
      [{ personalAccessToken: "seam_cst1_secretcst", workspaceId: "w" }, "personalAccessToken", /client session token .*cannot be used as a personalAccessToken/],
      [{ personalAccessToken: JWT, workspaceId: "w" }, "personalAccessToken", /JWT .*cannot be used as a personalAccessToken/],
      [{ personalAccessToken: "seam_secretkey", workspaceId: "w" }, "personalAccessToken", /should start with seam_at/],
      [{ consoleSessionToken: "seam_at1_secretpat", workspaceId: "w" }, "consoleSessionToken", /personal access token .*cannot be used as a consoleSessionToken/],
      [{ consoleSessionToken: "opaque_secret", workspaceId: "w" }, "consoleSessionToken", /must be a JWT/],
      [{ clientSessionToken: "seam_at1_secretpat" }, "clientSessionToken", /personal access token .*cannot be used as a clientSessionToken/],
      [{ clientSessionToken: JWT }, "clientSessionToken", /JWT .*cannot be used as a clientSessionToken/],
    ];
    for (const [options, param, message] of cases) {
      const error = validationError(seam(options));
      expect(error.param, JSON.stringify(options)).toBe(param);
      expect(error.message).toMatch(message);
      const token = Object.values(options).find((v) => typeof v === "string" && v.length > 5) as string;
      expect(error.message).not.toContain(token);
      expect(JSON.stringify(error)).not.toContain(token);
    }
  });

  it("auth: workspaceId is required for personal access and console session tokens, and refused otherwise", () => {
    expect(validationError(seam({ personalAccessToken: "seam_at1_x" })).param).toBe("workspaceId");
    expect(validationError(seam({ consoleSessionToken: JWT })).param).toBe("workspaceId");
    expect(validationError(seam({ apiKey: "seam_k", workspaceId: "w" })).param).toBe("workspaceId");
    expect(validationError(seam({ clientSessionToken: "seam_cst1_x", workspaceId: "w" })).param).toBe("workspaceId");
  });

  it("auth: a personal access token passed as apiKey says how to pass it, without claiming it lacks the seam_ prefix", () => {
    const error = validationError(seam({ apiKey: "seam_at1_secretpat" }));
    expect(error.message).toBe("A personal access token (seam_at…) cannot be used as an apiKey; pass it as personalAccessToken with workspaceId");
  });

  it("auth: env credentials follow Seam's SDK: SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID, both token vars set is an error", () => {
    vi.stubEnv("SEAM_API_KEY", "");
    vi.stubEnv("SEAM_PERSONAL_ACCESS_TOKEN", "seam_at1_env");
    expect(validationError(seam({})).param).toBe("workspaceId");
    vi.stubEnv("SEAM_WORKSPACE_ID", "ws-env");
    expect(() => createSeamClient()).not.toThrow();
    vi.stubEnv("SEAM_API_KEY", "seam_env");
    expect(validationError(seam({})).message).toMatch(/Both SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN/);
    // an explicit credential wins over env, as in the SDK
    expect(() => createSeamClient({ apiKey: "seam_k" })).not.toThrow();
    expect(validationError(seam({ endpoint: "http://127.0.0.1:1" })).message).not.toContain("seam_env");
  });

  it("auth: two credential kinds at once are refused", () => {
    expect(validationError(seam({ apiKey: "seam_k", clientSessionToken: "seam_cst1_x" })).message).toMatch(/only one/);
  });

  it("auth: a token with whitespace or control characters is refused without quoting it", () => {
    const error = validationError(seam({ apiKey: "seam_secret\r\nx-evil: 1" }));
    expect(error.message).not.toContain("seam_secret");
  });

  it("auth: a token outside printable ASCII is refused with a message that says so and names the option", () => {
    for (const apiKey of ["seam_…", "seam_clé", "seam_a b"]) {
      const error = validationError(seam({ apiKey }));
      expect(error.param).toBe("apiKey");
      expect(error.message).toMatch(/^apiKey must be a non-empty string of printable ASCII/);
      expect(error.message).not.toContain(apiKey);
    }
    const workspace = validationError(seam({ personalAccessToken: "seam_at1_x", workspaceId: "ws…" }));
    expect(workspace.param).toBe("workspaceId");
    expect(workspace.message).toContain("printable ASCII");
  });

  it("auth: SEAM_API_KEY is checked like an apiKey option, and SEAM_ENDPOINT like endpoint", () => {
    vi.stubEnv("SEAM_API_KEY", "seam_at1_frompat");
    const error = validationError(seam({}));
    expect(error.message).toContain("SEAM_API_KEY");
    expect(error.message).not.toContain("seam_at1_frompat");
    vi.stubEnv("SEAM_API_KEY", "seam_ok");
    vi.stubEnv("SEAM_ENDPOINT", "not a url");
    const endpoint = validationError(seam({}));
    expect(endpoint.param).toBe("endpoint");
    expect(endpoint.message).toContain("SEAM_ENDPOINT");
  });
});
