// Redaction of credentials from any text an error takes from a response.

/**
 * Replaces every occurrence of the given secrets with `[redacted]`, as they are and as JSON would
 * escape them once, twice or three times (a server echoing a secret inside a JSON body escapes `"`,
 * `\` and controls; one that echoes a JSON dump of the headers inside a JSON string escapes twice).
 * Longest first, so a secret that contains another is removed whole.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = new Set<string>();
  for (let secret of secrets) for (let i = 0; secret && i < 4; i++, secret = JSON.stringify(secret).slice(1, -1)) forms.add(secret);
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  return (text) => longestFirst.reduce<string>((out, form) => out.split(form).join("[redacted]"), text);
}
