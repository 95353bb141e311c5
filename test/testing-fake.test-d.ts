// The testing fake's options, as a user's tests type them: `api` takes a bundle, `onAnswer` sees each answer.
import { describe, expectTypeOf, it } from "vitest";
import { startFakeServer, type FakeAnswer, type FakeRequest } from "vendor-api-clients/testing";

describe("testing fake types", () => {
  it("testing fake types: api.spec is a path, a file URL or a parsed document", () => {
    void startFakeServer({ api: { spec: "generated/seam/openapi.yaml" } });
    void startFakeServer({ api: { spec: new URL("file:///specs/openapi.yaml") } });
    void startFakeServer({ api: { spec: { openapi: "3.0.0", paths: {} } } });
    // @ts-expect-error the bundle goes under api.spec
    void startFakeServer({ api: "generated/seam/openapi.yaml" });
    // @ts-expect-error a spec is required
    void startFakeServer({ api: {} });
  });

  it("testing fake types: onAnswer gets the logged request and the answer", () => {
    void startFakeServer({
      onAnswer(request, answer) {
        expectTypeOf(request).toEqualTypeOf<Readonly<FakeRequest>>();
        expectTypeOf(answer).toEqualTypeOf<Readonly<FakeAnswer>>();
        expectTypeOf(request.api).toEqualTypeOf<"sequence" | "seam" | "spec" | "unknown">();
        expectTypeOf(answer.status).toEqualTypeOf<number>();
      },
    });
  });
});
