/** The personal-data contract and the desk's erasure on PGlite (always run; the server file runs them on PostgreSQL). */
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll } from "vitest";
import { pgliteBackend, type TestBackend } from "../target.test-support.js";
import { personalDataSuite } from "./personal-data-suite.test-support.js";

let db: PGlite;
let lite: TestBackend | undefined;
beforeAll(async () => {
  db = await PGlite.create();
  lite = await pgliteBackend("pd", db);
});
afterAll(async () => {
  await lite?.close();
  await db?.close();
});

const backend = (): TestBackend => {
  if (!lite) throw new Error("backend not started");
  return lite;
};

personalDataSuite("pglite", backend);
