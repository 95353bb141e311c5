// Loaded before a runnable Markdown snippet (node --import). The snippet calls the vendors' real
// hosts, exactly as a user pastes it; this wraps fetch so those hosts reach the testing fake at
// SNIPPET_FAKE_URL instead, and so any other host that is not loopback is refused: a snippet never
// reaches the internet from a test.
import { defaultSeamEndpoint } from "vendor-api-clients/seam";
import { sequenceEnvironments } from "vendor-api-clients/sequence";

const fake = process.env.SNIPPET_FAKE_URL;
if (!fake) throw new Error("snippet-preload: SNIPPET_FAKE_URL is not set");
const vendorBases = [...Object.values(sequenceEnvironments), defaultSeamEndpoint].map((base) => base.replace(/\/+$/, ""));
const realFetch = globalThis.fetch;

function reroute(url: string): string {
  const base = vendorBases.find((b) => url === b || url.startsWith(`${b}/`) || url.startsWith(`${b}?`));
  if (base) return fake + url.slice(base.length);
  if (/^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i.test(new URL(url).hostname)) return url;
  throw new TypeError(`snippet-preload: a snippet tried to reach ${new URL(url).origin}, which is neither a vendor host nor loopback`);
}

globalThis.fetch = (input, init) => {
  if (input instanceof Request) {
    // a raw client's Request, whose body the transport already read into init.body
    const { method, headers, signal } = input;
    return realFetch(new Request(reroute(input.url), { method, headers, signal }), init);
  }
  return realFetch(reroute(String(input)), init);
};
