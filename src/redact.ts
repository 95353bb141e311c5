// Redaction of credentials from any text an error takes from a response.

/** Replaces every occurrence of the given secrets with `[redacted]`. */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  return (text) => secrets.reduce<string>((out, secret) => (secret ? out.split(secret).join("[redacted]") : out), text);
}
