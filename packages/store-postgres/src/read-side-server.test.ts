/**
 * The read side on the PostgreSQL server at TICKETFOLD_PG_URL (skipped, with the reason,
 * when it is not set; the same suite always runs on PGlite in read-side.test.ts).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { readSideRebuildSuite } from "./read-side-rebuild-suite.test-support.js";
import { readSideSuite } from "./read-side-suite.test-support.js";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("readside", 4);
});
afterAll(() => backend?.close());

describe("read side on postgres server", () => {
  if (!serverUrl) {
    it.skip(NO_SERVER_REASON, () => {});
    return;
  }
  const current = (): TestBackend => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  };
  readSideSuite(current, 25);
  readSideRebuildSuite(current);
});
