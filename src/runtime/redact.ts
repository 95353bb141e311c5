// Redaction of credentials from any text an error takes from a response. JSON is redacted as
// JSON.stringify writes it (src/runtime/settle.ts), never as the server spelled it: a server that echoes a
// secret can always pick one more escape (`\u0053`, `\/`, surrogate pairs), but decoding removes them all.

/**
 * Replaces every occurrence of the given secrets with `[redacted]`: as they are, percent-encoded
 * (as a query string carries them), and as JSON.stringify escapes them up to four times: three as a
 * server may (a JSON string holding a JSON dump of the headers escapes twice), plus the one added
 * when an error body is written out to be redacted. Longest first, so a secret that contains another
 * is removed whole.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = new Set<string>();
  for (let secret of secrets) {
    for (let i = 0; secret && i < 5; i++, secret = JSON.stringify(secret).slice(1, -1)) {
      forms.add(secret);
      // a lone surrogate cannot be percent-encoded, so that form cannot travel either
      try {
        forms.add(encodeURIComponent(secret));
      } catch {}
    }
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  return (text) => longestFirst.reduce<string>((out, form) => out.replaceAll(form, "[redacted]"), text);
}
