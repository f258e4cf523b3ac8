/**
 * `createPostgresDesk` on embedded PGlite holds to the desk contract: its running workers (timers,
 * outbox, read side) breach, escalate and auto-close a ticket with nothing else wired.
 */
import { PGlite } from "@electric-sql/pglite";
import { describeDeskContract } from "@ticketfold/testing/delivery-contract";
import { afterAll, beforeAll } from "vitest";
import { postgresDeskHarness } from "./desk.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let db: PGlite;
let backend: TestBackend | undefined;
beforeAll(async () => {
  db = await PGlite.create();
  backend = await pgliteBackend("desk", db);
});
afterAll(async () => {
  await backend?.close();
  await db?.close();
});

describeDeskContract(
  "pglite",
  postgresDeskHarness(() => backend as TestBackend),
);
