// Redaction of credentials from any text an error takes from a response.

/**
 * Replaces every occurrence of the given secrets with `[redacted]`, as they are and as a JSON string
 * would escape them (a server echoing a secret inside a JSON body escapes `"`, `\` and controls).
 * Longest first, so a secret that contains another is removed whole.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap((s) => (s ? [s, JSON.stringify(s).slice(1, -1)] : [])))].sort((a, b) => b.length - a.length);
  return (text) => forms.reduce<string>((out, form) => out.split(form).join("[redacted]"), text);
}
