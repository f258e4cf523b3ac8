/**
 * The read side on embedded PGlite (always run): one PGlite database for the file, a fresh
 * schema per store. The same suite runs on a PostgreSQL server in read-side-server.test.ts.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { readSideRebuildSuite } from "./read-side-rebuild-suite.test-support.js";
import { readSideSuite } from "./read-side-suite.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("readside");
});
afterAll(() => backend?.close());

describe("read side on pglite", () => {
  const current = (): TestBackend => {
    if (!backend) throw new Error("PGlite backend not started");
    return backend;
  };
  readSideSuite(current, 12);
  readSideRebuildSuite(current);
});
