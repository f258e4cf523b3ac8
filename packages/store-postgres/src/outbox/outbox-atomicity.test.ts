/**
 * The PostgreSQL outbox store runs the shared all-or-nothing contract of `appendWithOutbox`,
 * on PGlite always and on the server when TICKETFOLD_PG_URL is set (taking its turn there).
 */
import { describeOutboxAtomicityContract, type OutboxAtomicityHarness } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, it } from "vitest";
import { NO_SERVER_REASON, pgliteBackend, serverBackend, serverUrl, type TestBackend } from "../../test/target.js";
import { createPostgresOutboxStore } from "./store.js";

const backends: { lite?: TestBackend; server?: TestBackend } = {};
beforeAll(async () => {
  backends.lite = await pgliteBackend("outbox_atomic");
  if (serverUrl) backends.server = await serverBackend("outbox_atomic");
}, 180_000);
afterAll(async () => {
  await backends.lite?.close();
  await backends.server?.close();
});

const harness = async (backend: TestBackend | undefined): Promise<OutboxAtomicityHarness> => {
  if (!backend) throw new Error("backend not started");
  const store = createPostgresOutboxStore({ driver: backend.driver, schema: backend.schemaName(), closeDriver: false });
  await store.migrate();
  return {
    store,
    entries: () => store.outbox.entries(),
    timer: (ticketId) => store.timers.get("acme", ticketId),
  };
};

describeOutboxAtomicityContract("PostgreSQL store on pglite", () => harness(backends.lite));
if (serverUrl) describeOutboxAtomicityContract("PostgreSQL store on postgres server", () => harness(backends.server));
else describe("PostgreSQL store on postgres server", () => it.skip(NO_SERVER_REASON, () => {}));
