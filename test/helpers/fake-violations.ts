// Where the suite keeps what the testing fake sent off-spec until the running test ends. Kept apart
// from the checks (fake-conformance.ts) so that the setup file every test file loads stays light.
const violations = new Set<string>();

export function recordViolation(line: string): void {
  violations.add(line);
}

/** The violations since the last call (each once), and forget them. */
export function takeViolations(): string[] {
  const taken = [...violations];
  violations.clear();
  return taken;
}
