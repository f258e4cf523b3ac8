/**
 * The PostgreSQL outbox store runs the shared outbox boundary contract (all-or-nothing appends,
 * delivery text it cannot hold),
 * on PGlite always and on the server when TICKETFOLD_PG_URL is set (taking its turn there).
 */
import { describeOutboxBoundaryContract, type OutboxBoundaryHarness } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, it } from "vitest";
import { NO_SERVER_REASON, pgliteBackend, serverBackend, serverUrl, type TestBackend } from "../target.test-support.js";
import { createPostgresOutboxStore } from "./store.js";

const backends: { lite?: TestBackend; server?: TestBackend } = {};
beforeAll(async () => {
  backends.lite = await pgliteBackend("outbox_bounds");
  if (serverUrl) backends.server = await serverBackend("outbox_bounds");
}, 180_000);
afterAll(async () => {
  await backends.lite?.close();
  await backends.server?.close();
});

const harness = async (backend: TestBackend | undefined): Promise<OutboxBoundaryHarness> => {
  if (!backend) throw new Error("backend not started");
  const store = createPostgresOutboxStore({ driver: backend.driver, schema: backend.schemaName(), closeDriver: false });
  await store.migrate();
  return {
    store,
    outbox: store.outbox,
    entries: () => store.outbox.entries(),
    attempts: () => store.outbox.attempts(),
    timer: (ticketId) => store.timers.get("acme", ticketId),
  };
};

describeOutboxBoundaryContract("PostgreSQL store on pglite", () => harness(backends.lite));
if (serverUrl) describeOutboxBoundaryContract("PostgreSQL store on postgres server", () => harness(backends.server));
else describe("PostgreSQL store on postgres server", () => it.skip(NO_SERVER_REASON, () => {}));
