/**
 * The personal-data contract and the desk's erasure on the PostgreSQL server at TICKETFOLD_PG_URL
 * (skipped, with the reason, when it is not set; the same suites always run on PGlite).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "../target.test-support.js";
import { personalDataSuite } from "./personal-data-suite.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("pd", 4);
}, 60_000);
afterAll(() => backend?.close());

describe("personal data on postgres server", () => {
  if (!serverUrl) {
    it.skip(NO_SERVER_REASON, () => {});
    return;
  }
  personalDataSuite("postgres server", () => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  });
});
