/**
 * The reports on the read side, on embedded PGlite (always run): one PGlite database for the
 * file, a fresh schema per store. The same suite runs on a PostgreSQL server in
 * read-side-reports-server.test.ts.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { readSideReportsSuite } from "./read-side-reports-suite.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("reports");
});
afterAll(() => backend?.close());

describe("reports on the read side, pglite", () => {
  const current = (): TestBackend => {
    if (!backend) throw new Error("PGlite backend not started");
    return backend;
  };
  readSideReportsSuite(current, 15);
});
