// The differential check of a generated API folder's data modules: what operations.js and
// response-checks.js hold at run time, printed back as TypeScript (`as const` for operations, `: Shape`
// for shapes, as the modules were written before they became .js + .d.ts), next to assertions that
// tsc finds each type identical to the one operations.d.ts / response-checks.d.ts declares.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ENCODER_MODULES } from "../../scripts/lib/emit-client.mjs";
import { Code, tsLiteral } from "../../scripts/lib/ts-literal.mjs";

type Module = Record<string, unknown>;

const EQUALS = "type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;";
const union = (names: string[]) => (names.length ? names.map((n) => JSON.stringify(n)).join(" | ") : "never");

/**
 * A .ts module that type-checks only when the .d.ts of `dir` (an absolute generated/<api>/ folder
 * beside its src/) declare exactly what its .js hold. `src` is the src/ folder its imports reach.
 */
export async function declarationShim(dir: string, src: string): Promise<string> {
  const ops = (await import(pathToFileURL(join(dir, "operations.js")).href)) as Module;
  const checks = (await import(pathToFileURL(join(dir, "response-checks.js")).href)) as Module;
  const encoders = new Map<unknown, string>();
  for (const [fn, file] of Object.entries(ENCODER_MODULES)) {
    const runtime = (await import(pathToFileURL(join(src, "runtime", `${file}.ts`)).href)) as Module;
    encoders.set(runtime[fn], fn);
  }
  const shapeName = new Map<unknown, string>(Object.entries(checks).map(([name, value]) => [value, name]));
  const used = new Set<string>();
  /** The runtime value as a literal: an encoder by its name, a shape thunk as `() => rc.<export>`. */
  const literal = (value: unknown): unknown => {
    if (typeof value === "function") {
      const encoder = encoders.get(value);
      if (encoder) return used.add(encoder), new Code(encoder);
      const name = shapeName.get((value as () => unknown)());
      if (!name) throw new Error(`${dir}: a function that is neither an encoder nor a shape of response-checks.js`);
      return new Code(`() => rc.${name}`);
    }
    if (Array.isArray(value)) return value.map(literal);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
    return value;
  };
  const body = [
    EQUALS,
    `export const operationNames: Equals<keyof typeof decl, ${union(Object.keys(ops))}> = true;`,
    ...Object.entries(ops).flatMap(([name, value]) => [`const op$${name} = ${tsLiteral(literal(value))} as const;`, `export const op$${name}$same: Equals<typeof op$${name}, typeof decl.${name}> = true;`]),
    `export const shapeNames: Equals<keyof typeof rc, ${union(Object.keys(checks))}> = true;`,
    ...Object.entries(checks)
      .filter(([name]) => name !== "responseShapes")
      .map(([name, value]) => `export const shape$${name}: Shape = ${tsLiteral(literal(value))};`),
    `const responseShapes = ${tsLiteral(Object.fromEntries(Object.entries(checks.responseShapes as Module).map(([k, v]) => [k, new Code(`rc.${shapeName.get(v)}`)])))};`,
    `export const responseShapes$same: Equals<typeof responseShapes, typeof rc.responseShapes> = true;`,
  ];
  const imports = [
    `import type { Shape } from ${JSON.stringify(join(src, "runtime/response.js"))};`,
    `import type * as decl from ${JSON.stringify(join(dir, "operations.js"))};`,
    `import * as rc from ${JSON.stringify(join(dir, "response-checks.js"))};`,
    ...[...used].sort().map((fn) => `import { ${fn} } from ${JSON.stringify(join(src, "runtime", `${ENCODER_MODULES[fn as keyof typeof ENCODER_MODULES]}.js`))};`),
  ];
  return `${imports.join("\n")}\n\n${body.join("\n")}\n`;
}
