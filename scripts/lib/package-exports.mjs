// @ts-check
// The package entries follow `apis:`: every API without a hand-written facade (src/<api>.ts) is
// published as "vendor-api-clients/<api>", built from generated/<api>/index.ts. generate keeps
// package.json's `exports` in step; tsdown.config.ts derives its build entries the same way.
const { existsSync, readFileSync, writeFileSync } = process.getBuiltinModule("node:fs");
const { join } = process.getBuiltinModule("node:path");

/**
 * The APIs published from their generated entry: those without src/<api>.ts.
 * @param {string} root @param {string[]} apis
 */
export const generatedEntries = (root, apis) => apis.filter((name) => !existsSync(join(root, "src", `${name}.ts`)));

/**
 * package.json's `exports` with one entry per generated API, in place of any stale one (an entry
 * pointing at dist/<name>.js that is neither a facade nor an API any more); hand-written entries keep
 * their order, "./package.json" stays last.
 * @param {Record<string, any>} exports @param {string} root @param {string[]} apis
 */
export function exportsFor(exports, root, apis) {
  const wanted = generatedEntries(root, apis);
  /** @type {Record<string, any>} */
  const out = {};
  for (const [key, value] of Object.entries(exports)) {
    if (key === "./package.json") continue;
    const name = key.slice(2);
    const generated = /^[\w-]+$/.test(name) && value?.default === `./dist/${name}.js` && !existsSync(join(root, "src", `${name}.ts`));
    if (!generated || wanted.includes(name)) out[key] = value;
  }
  for (const name of wanted) out[`./${name}`] = { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` };
  if ("./package.json" in exports) out["./package.json"] = exports["./package.json"];
  return out;
}

/**
 * Brings package.json's `exports` in step with `apis:`. A package.json without an `exports` object
 * (a project that only generates) is left alone. With `check`, writes nothing and returns the problem.
 * @param {string} root @param {string[]} apis @param {{ check?: boolean }} [options]
 * @returns {string | null} what differs (check) or what was written, null when in step
 */
export function syncPackageExports(root, apis, { check = false } = {}) {
  const file = join(root, "package.json");
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  const pkg = JSON.parse(text);
  if (!pkg.exports || typeof pkg.exports !== "object" || Array.isArray(pkg.exports)) return null;
  const next = exportsFor(pkg.exports, root, apis);
  if (JSON.stringify(next) === JSON.stringify(pkg.exports)) return null;
  const added = Object.keys(next).filter((k) => !(k in pkg.exports));
  const removed = Object.keys(pkg.exports).filter((k) => !(k in next));
  const change = [added.length && `add ${added.join(", ")}`, removed.length && `remove ${removed.join(", ")}`].filter(Boolean).join("; ") || "reorder";
  if (!check) writeFileSync(file, `${JSON.stringify({ ...pkg, exports: next }, null, 2)}\n`);
  return `package.json exports: ${change}`;
}
