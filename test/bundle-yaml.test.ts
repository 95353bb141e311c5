import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stringifyWithYaml, stringifyYaml } from "../scripts/lib/stringify-yaml.mjs";
import { repoRoot } from "./helpers/project.js";

const apis = readdirSync(join(repoRoot, "generated"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith("."))
  .map((e) => e.name);
const bundle = (api: string) => readFileSync(join(repoRoot, "generated", api, "openapi.yaml"), "utf8");

// Strings that a YAML 1.1 parser (js-yaml, PyYAML, SnakeYAML) or a 1.2 one reads as another type when plain.
const TYPED_LOOKING = [
  "2024-07-30", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
  "yes", "No", "on", "OFF", "y", "N", "true", "False",
  "~", "null", "NULL", "",
  "012", "0o17", "0x1F", "0b101", "1_000", "190:20:30", "1:30.5", "1e3", "3.", ".5", ".inf", "-.Inf", ".NaN",
  "<<", "=",
];

describe("bundle YAML", () => {
  it.each(apis)("bundle: js-yaml (YAML 1.1) and yaml (1.2 and 1.1) read generated/%s/openapi.yaml the same", (api) => {
    const text = bundle(api);
    const reference = parse(text);
    expect(jsyaml.load(text)).toEqual(reference);
    expect(parse(text, { version: "1.1" })).toEqual(reference);
  });

  it("bundle: the Sequence-Version date is written quoted, so YAML 1.1 parsers read a string, not a Date", () => {
    expect(bundle("sequence")).toContain('- "2024-07-30"');
    expect(bundle("sequence")).not.toMatch(/^\s*- 2024-07-30$/m);
  });

  it("stringify-yaml: every string a YAML 1.1 or 1.2 parser would type is quoted, as value, item and key", () => {
    const doc = { items: TYPED_LOOKING, map: Object.fromEntries(TYPED_LOOKING.map((s, i) => [s || `empty${i}`, s])), plain: ["v1", "10 days", "yes please", "1.0"] };
    for (const text of [stringifyYaml(doc), stringifyWithYaml(doc)]) {
      expect(jsyaml.load(text)).toEqual(doc);
      expect(parse(text)).toEqual(doc);
      expect(parse(text, { version: "1.1" })).toEqual(doc);
    }
    expect(stringifyYaml(doc)).toContain("  - v1\n  - 10 days\n  - yes please\n");
  });
});

// stringifyYaml walks the data itself; it must stay byte for byte what yaml's public API writes.
// A yaml upgrade that changes its output fails here rather than silently changing the bundles.
describe("stringify-yaml differential", () => {
  it.each(apis)("stringify-yaml: the fast emitter writes what yaml's public API writes, for generated/%s", (api) => {
    const doc = parse(bundle(api));
    expect(stringifyYaml(doc)).toBe(stringifyWithYaml(doc));
  });

  it("stringify-yaml: the fast emitter writes what yaml's public API writes, for full Seam Connect", { timeout: 60_000 }, () => {
    const { openapi } = createRequire(import.meta.url)("@seamapi/types/connect") as { openapi: unknown };
    const doc = JSON.parse(JSON.stringify(openapi));
    expect(stringifyYaml(doc)).toBe(stringifyWithYaml(doc));
  });
});
