// Basic auth needs base64 of the UTF-8 bytes. `btoa(text)` alone throws on (or, with Latin-1 tricks,
// mis-encodes) non-ASCII input, and Buffer is Node-only; btoa over a binary string works everywhere.
const encoder = new TextEncoder();

/** Base64 of the UTF-8 encoding of `text`. */
export function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
