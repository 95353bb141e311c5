// The templated modules are written already formatted by ts-literal.mjs. Differential: on random
// JSON-like data it must print what prettier prints for the same declaration.
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { tsLiteral, tsString } from "../scripts/lib/ts-literal.mjs";

const prettier = (source: string) => format(source, { parser: "typescript", printWidth: 100 });
const declare = (name: string, value: unknown, suffix: string) =>
  `export const ${name} = ${tsLiteral(value, { column: `export const ${name} = `.length, suffix })}${suffix}\n`;

const key = fc.oneof(fc.constantFrom("a", "org.customer", "x-y", "$ref", "_id", "0", "1a", "default", "delete", "with space"), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('say "hi"', "it's", `both ' and "`, "back\\slash", "new\nline"), fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: "small" }, scalar, tie("arr"), tie("obj")),
  arr: fc.oneof(fc.array(tie("any"), { maxLength: 12 }), fc.array(fc.string({ maxLength: 14 }), { maxLength: 14 }), fc.array(fc.integer(), { maxLength: 30 })),
  obj: fc.dictionary(key, tie("any"), { maxKeys: 6 }),
}));

describe("ts-literal", () => {
  it("ts-literal: prints JSON-like data byte for byte as prettier formats the same declaration", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(value.any, fc.constantFrom(" as const;", " as const satisfies readonly RoleName[];"), async (v, suffix) => {
        const ours = declare("table", v, suffix);
        expect(ours).toBe(await prettier(ours));
      }),
      { numRuns: 300 },
    );
  });

  it("ts-literal: strings keep their value and take single quotes only when they hold more double quotes", () => {
    expect(tsString('say "hi"')).toBe(`'say "hi"'`);
    expect(tsString(`it's 'y' "x"`)).toBe(`"it's 'y' \\"x\\""`);
    for (const s of ['say "hi"', `it's`, `a'b"c"`, "new\nline", "\\"]) expect(new Function(`return ${tsString(s)}`)()).toBe(s);
  });
});
