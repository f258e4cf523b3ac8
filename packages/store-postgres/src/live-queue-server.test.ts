/**
 * The work queue's live SLA columns on the PostgreSQL server at TICKETFOLD_PG_URL (skipped,
 * with the reason, when it is not set; the same suite always runs on PGlite in live-queue.test.ts).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { liveQueueSuite } from "./live-queue-suite.test-support.js";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("livequeue", 4);
});
afterAll(() => backend?.close());

describe("live work queue on postgres server", () => {
  if (!serverUrl) {
    it.skip(NO_SERVER_REASON, () => {});
    return;
  }
  liveQueueSuite(() => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  }, 25);
});
