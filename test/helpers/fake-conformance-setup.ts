// vitest setup file: a test during which the testing fake sent an answer its spec does not describe
// fails, with one line per operation and field (see fake-conformance.ts).
import { afterAll, afterEach } from "vitest";
import { takeViolations } from "./fake-violations.js";

function failOnViolations(): void {
  const violations = takeViolations();
  if (violations.length > 0) {
    throw new Error(`The testing fake sent answers the current bundle does not describe:\n  ${violations.join("\n  ")}`);
  }
}

afterEach(failOnViolations);
// answers sent from beforeAll/afterAll hooks
afterAll(failOnViolations);
