// @ts-check
/** A failure the user can act on: says which file, where, and which rule. Printed without a stack. */
export class GenerateError extends Error {
  /**
   * @param {string} message
   * @param {{ file?: string, line?: number, rule?: string, details?: string[] }} [where]
   */
  constructor(message, where = {}) {
    super(message);
    this.name = "GenerateError";
    this.file = where.file;
    this.line = where.line;
    this.rule = where.rule;
    this.details = where.details ?? [];
  }

  /** `file:line [rule] message`, then one indented line per detail. */
  format() {
    const at = this.file ? `${this.file}${this.line ? `:${this.line}` : ""}: ` : "";
    const rule = this.rule ? `[${this.rule}] ` : "";
    return [`${at}${rule}${this.message}`, ...this.details.map((d) => `  ${d}`)].join("\n");
  }
}
