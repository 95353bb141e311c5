// @ts-check
// Runs the modules we template (client.ts, roles.ts) through prettier. Either thread may do it:
// whichever is free first (see build.mjs). prettier loads on first use.

/** @type {Promise<typeof import("prettier")> | undefined} */
let prettier;
/** Starts loading prettier, so that the first format() call doesn't wait for it. */
export const loadPrettier = () => (prettier ??= import("prettier"));

/**
 * @param {Record<string, string>} sources  file name → TypeScript source
 * @returns {Promise<Record<string, string>>}  file name → formatted source
 */
export async function formatModules(sources) {
  const { format } = await loadPrettier();
  /** @type {Record<string, string>} */
  const out = {};
  for (const [name, source] of Object.entries(sources)) out[name] = await format(source, { parser: "typescript", printWidth: 100 });
  return out;
}
