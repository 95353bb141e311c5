// `vendor-api-clients/testing`: a fake of both vendor APIs for tests of code that uses this package.
// Node only (node:http); never import it from application code.
export { startFakeServer } from "./testing/fake-server.js";
export type { FakeAnswer, FakeServer, FakeServerOptions, FakeSeamClientOptions } from "./testing/fake-server.js";
export type { FakeFault } from "./testing/faults.js";
export type { FakeApiSpec } from "./testing/spec-api.js";
export type { FakeRequest } from "./testing/request-log.js";
export type { FakeCredentials, FakeSequenceCredentials, FakeSeamCredentials } from "./testing/credentials.js";
export type { FakeSequenceUser, FakeSequenceUserInput, FakeAcsUser, FakeRole } from "./testing/seed.js";
