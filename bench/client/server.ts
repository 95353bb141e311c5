// The loopback API for bench/client/run.ts, in its own process: GET /users/{id} answers one user.
// Sends its port to the parent over IPC and exits with it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = JSON.stringify({
  id: "u1",
  email: "u1@example.test",
  sequenceAccountIds: ["83da2ca4-49c7-4d81-9c9a-ba5be11768b0"],
  state: "active",
  roles: [],
});
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on("disconnect", () => process.exit(0));
