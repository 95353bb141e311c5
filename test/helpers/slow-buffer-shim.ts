// Node 25 removed buffer.SlowBuffer (DEP0030, https://github.com/nodejs/node/pull/58008), but
// @seamapi/fake-seam-connect (1.86.0, the newest) bundles buffer-equal-constant-time through an
// old jwa, which reads SlowBuffer.prototype as it loads and throws. jwa fixed it upstream
// (https://github.com/auth0/node-jwa/issues/51); the fake's bundle predates the fix. Import this
// before the fake: on Node ≥ 25 it puts back a stand-in with its own prototype, as Node's had, so
// the bundle's patches to SlowBuffer.prototype never reach Buffer.prototype. Older Nodes are untouched.
import buffer from "node:buffer";

// @types/node still declares it, so ask at runtime.
const exports = buffer as unknown as { SlowBuffer?: unknown };
if (exports.SlowBuffer === undefined) {
  function SlowBuffer(size: number): Buffer {
    return Buffer.allocUnsafeSlow(size);
  }
  Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
  exports.SlowBuffer = SlowBuffer;
}
