// `vendor-api-clients/testing` as this suite imports it (vitest.config.ts points the name here): the
// shipped fake, with every answer it sends checked against the current bundle by fake-conformance.ts.
import { startFakeServer as startShippedFake, type FakeServer, type FakeServerOptions } from "../../src/testing.js";
import { loadSpec } from "../../src/testing/spec-api.js";
import { createSpecValidator } from "../testing-fake/openapi-validator.js";
import { checkAnswer, prepareConformance } from "./fake-conformance.js";

export * from "../../src/testing.js";

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  prepareConformance();
  // an API served from its bundle is held to that bundle (a bad spec is left to the fake to refuse)
  const spec = options.api?.spec !== undefined ? await loadSpec(options.api.spec).then((doc) => createSpecValidator(doc, "served"), () => undefined) : undefined;
  spec?.compileResponses();
  return startShippedFake({
    ...options,
    onAnswer(request, answer) {
      checkAnswer(request, answer, spec);
      options.onAnswer?.(request, answer);
    },
  });
}
