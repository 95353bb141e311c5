// What every answer of the testing fake is held to in this suite: the current bundle of the API it
// belongs to, strictly (a property the spec does not declare is an error). Answers are checked as
// they are sent and the violations kept in fake-violations.ts; fake-conformance-setup.ts fails the
// test that caused them.
import type { FakeAnswer, FakeRequest } from "../../src/testing.js";
import { createSpecValidator, type Api, type SpecValidator } from "../testing-fake/openapi-validator.js";
import { recordViolation } from "./fake-violations.js";

export { takeViolations } from "./fake-violations.js";

// Seam's SDK sends /acs/users/delete as DELETE with the parameters in the query, a form the spec
// does not list; the fake serves it as the spec's POST, so its answer is held to the POST's.
const SAME_OPERATION_AS: Record<string, string> = { "DELETE /acs/users/delete": "POST" };

const validators = new Map<Api, SpecValidator>();

function validatorFor(api: Api): SpecValidator {
  let validator = validators.get(api);
  if (!validator) {
    validator = createSpecValidator(api);
    validator.compileResponses();
    validators.set(api, validator);
  }
  return validator;
}

/** Reads and compiles both bundles now, so that no answer of the fake pays for it (timing tests would). */
export function prepareConformance(): void {
  validatorFor("sequence");
  validatorFor("seam");
}

/** Checks one answer of a fake serving Sequence and Seam (by path), or serving `spec`. */
export function checkAnswer(request: Readonly<FakeRequest>, answer: Readonly<FakeAnswer>, spec?: SpecValidator): void {
  const validator = spec ?? (request.api === "sequence" || request.api === "seam" ? validatorFor(request.api) : undefined);
  const method = request.api === "spec" ? request.method : (SAME_OPERATION_AS[`${request.method} ${request.path}`] ?? request.method);
  const errors = validator
    ? validator.answerErrors(method, request.path, answer.status, answer.body)
    : answer.status >= 200 && answer.status < 300
      ? [`${request.method} ${request.path}: the fake answered ${answer.status} on a path neither spec has`]
      : [];
  // one line per field, not per array element: /items/0, /items/1, … → /items/*
  for (const error of errors) recordViolation(error.replace(/\/\d+(?=[/:])/g, "/*"));
}
