/**
 * The reports on the read side, on the PostgreSQL server at TICKETFOLD_PG_URL (skipped, with
 * the reason, when it is not set; the same suite always runs on PGlite in read-side-reports.test.ts).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { readSideReportsSuite } from "./read-side-reports-suite.test-support.js";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("reports", 4);
});
afterAll(() => backend?.close());

describe("reports on the read side, postgres server", () => {
  if (!serverUrl) {
    it.skip(NO_SERVER_REASON, () => {});
    return;
  }
  const current = (): TestBackend => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  };
  readSideReportsSuite(current, 30);
});
