// `vendor-api-clients/testing` as this suite imports it (vitest.config.ts points the name here): the
// shipped fake, with every answer it sends checked against the current bundle by fake-conformance.ts.
import { startFakeServer as startShippedFake, type FakeServer, type FakeServerOptions } from "../../src/testing.js";
import { checkAnswer, prepareConformance } from "./fake-conformance.js";

export * from "../../src/testing.js";

export function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  prepareConformance();
  return startShippedFake({
    ...options,
    onAnswer(request, answer) {
      checkAnswer(request, answer);
      options.onAnswer?.(request, answer);
    },
  });
}
