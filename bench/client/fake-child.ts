// The shipped testing fake in its own process, so its seed data does not count against the heap of
// the process being measured. Sends its client options to the parent over IPC.
import { startFakeServer } from "../../src/testing.js";

const users = Number(process.argv[2] ?? 25);
const fake = await startFakeServer({ users, acsUsers: 0 });
process.send?.({ sequenceClientOptions: fake.sequenceClientOptions });
process.on("disconnect", () => void fake.close().finally(() => process.exit(0)));
