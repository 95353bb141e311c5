// Starts a Prism mock of one of our generated specs, for the quickstarts to run against when no
// real base URL is configured. Node-only (the clients themselves run anywhere).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export async function startMock(api: "sequence" | "seam"): Promise<{ url: string; stop: () => void }> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
  const prism = fileURLToPath(new URL("../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));
  const spec = fileURLToPath(new URL(`../generated/${api}/openapi.yaml`, import.meta.url));
  const child = spawn(process.execPath, [prism, "mock", spec, "-h", "127.0.0.1", "-p", String(port), "--errors"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Prism exited with ${code}:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}
