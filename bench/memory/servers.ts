// Hostile loopback servers for the memory cases. `GET /users/warm` answers a small user (the child's
// warm-up call); every other path gets the hostile body. Both are bounded so nothing runs forever.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { constants, crc32, deflateRawSync } from "node:zlib";

const USER = JSON.stringify({ id: "warm", email: "w@example.test", sequenceAccountIds: [], state: "active", roles: [] });
const GiB = 2 ** 30;

export interface HostileServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A gzip body of `inflated` bytes of spaces, built without holding them: one 16 MiB deflate segment
 * ended by a full flush (so it refers to nothing before it) repeated, then an empty final block and
 * the gzip trailer (CRC-32 and length of the whole).
 */
export function gzipBomb(inflated = 2 * GiB): Buffer {
  const piece = Buffer.alloc(16 * 2 ** 20, 0x20);
  const repeats = Math.ceil(inflated / piece.length);
  const segment = deflateRawSync(piece, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < repeats; i++) crc = crc32(piece, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((repeats * piece.length) % 2 ** 32, 4);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
  const finalBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  return Buffer.concat([header, ...Array<Buffer>(repeats).fill(segment), finalBlock, trailer]);
}

/** `endless`: a 200 JSON body written until the client hangs up (capped at 4 GiB or 60 s). `gzip`: the bomb. */
export async function startHostileServer(kind: "endless" | "gzip", bomb?: Buffer): Promise<HostileServer> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  chunk[0] = 0x5b; // "[": starts like JSON, never ends
  const server: Server = createServer((req, res) => {
    if (req.url === "/users/warm") return void res.writeHead(200, { "content-type": "application/json" }).end(USER);
    if (kind === "gzip") return void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(bomb ?? gzipBomb());
    res.writeHead(200, { "content-type": "application/json" });
    const stopAt = Date.now() + 60_000;
    let sent = 0;
    const pump = () => {
      while (sent < 4 * GiB && Date.now() < stopAt) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
