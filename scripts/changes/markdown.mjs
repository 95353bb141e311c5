// @ts-check
// The change report as markdown: by API, then by operation; changes that belong to no single
// operation (shared components, the role table, servers) come last under their own heading.
import { countLine } from "./compare.mjs";

const ORDER = ["breaking", "risky", "non-breaking"];

/**
 * @param {import("./compare.mjs").Report} report
 * @param {string} base  the ref compared with
 */
export function toMarkdown(report, base) {
  const lines = [`# API changes since ${base}`, "", `Suggested release: **${report.semver}**.`];
  for (const [api, changes] of Object.entries(report.apis)) {
    lines.push("", `## ${api}: ${countLine(changes)}`);
    if (!changes.length) continue;
    /** @type {Map<string, import("./openapi-diff.mjs").Change[]>} */
    const groups = new Map();
    for (const c of changes) {
      const key = c.operation ?? "";
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const keys = [...groups.keys()].filter((k) => k).sort();
    if (groups.has("")) keys.push("");
    for (const key of keys) {
      lines.push("", `### ${key ? `\`${key}\`` : "Not tied to one operation"}`, "");
      const list = [...(groups.get(key) ?? [])].sort((x, y) => ORDER.indexOf(x.severity) - ORDER.indexOf(y.severity));
      for (const c of list) lines.push(`- **${c.severity}** ${c.message} _(${c.kind}, \`${c.location}\`)_`);
    }
  }
  return `${lines.join("\n")}\n`;
}
