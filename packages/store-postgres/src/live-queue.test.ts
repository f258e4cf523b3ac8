/**
 * The work queue's live SLA columns on embedded PGlite (always run); the same suite runs on a
 * PostgreSQL server in live-queue-server.test.ts.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { liveQueueSuite } from "./live-queue-suite.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("livequeue");
});
afterAll(() => backend?.close());

describe("live work queue on pglite", () => {
  liveQueueSuite(() => {
    if (!backend) throw new Error("PGlite backend not started");
    return backend;
  }, 10);
});
