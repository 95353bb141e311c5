// Every vitest start with typecheck on prints "Testing types with tsc and vue-tsc is an experimental
// feature…" to stderr, and no option turns it off (https://github.com/vitest-dev/vitest/issues/9823).
// We know, and package-lock.json pins vitest as it asks, so vitest.config.ts drops that one write:
// the first one that holds the notice, after which stderr is left as it was.
export const TYPECHECK_NOTICE = "Testing types with tsc and vue-tsc is an experimental feature.";

export function dropTypecheckNotice(stream: NodeJS.WriteStream = process.stderr): void {
  const write = stream.write;
  stream.write = function (chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === "string" && chunk.includes(TYPECHECK_NOTICE)) {
      stream.write = write;
      const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      done?.();
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
  } as typeof stream.write;
}
