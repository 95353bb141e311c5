// @ts-check
// The change report as markdown: by API, then by operation; changes that belong to no single
// operation (shared components, the role table, servers) come last under their own heading.
// Documentation and example changes are one summary line per API; --json lists each of them.
import { countLine, isDocChange } from "./compare.mjs";

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
    for (const c of changes.filter((change) => !isDocChange(change))) {
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
    const docs = changes.filter(isDocChange);
    if (docs.length) lines.push("", docSummary(docs, base));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * "5 documentation or example changes, which code does not see: `GET /users` (3), not tied to one
 * operation (2). `npm run changes -- --json` lists them."
 * @param {import("./openapi-diff.mjs").Change[]} docs @param {string} base
 */
function docSummary(docs, base) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const c of docs) counts.set(c.operation ?? "", (counts.get(c.operation ?? "") ?? 0) + 1);
  const keys = [...counts.keys()].filter((k) => k).sort();
  if (counts.has("")) keys.push("");
  const where = keys.map((k) => `${k ? `\`${k}\`` : "not tied to one operation"} (${counts.get(k)})`).join(", ");
  const json = `npm run changes -- --json${base === "HEAD" ? "" : ` --base ${base}`}`;
  return `_${docs.length} documentation or example change${docs.length === 1 ? "" : "s"}, which code does not see: ${where}. \`${json}\` lists ${docs.length === 1 ? "it" : "them"}._`;
}
