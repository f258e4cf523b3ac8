/**
 * The outbox contracts' harness on a PostgreSQL test backend: a migrated PostgresOutboxStore
 * in a fresh schema, its queues, and read-only views of the outbox, attempt log and timers.
 */

import type { DeliveryHarness } from "@ticketfold/testing/delivery-contract";
import { T0, TENANT } from "@ticketfold/testing/delivery-contract";
import { createPostgresOutboxStore, type PostgresOutboxStore } from "./index.js";
import type { TestBackend } from "./target.test-support.js";

export const postgresHarness = async (
  b: TestBackend | undefined,
): Promise<DeliveryHarness & { store: PostgresOutboxStore }> => {
  if (!b) throw new Error("backend not started");
  const store = createPostgresOutboxStore({
    driver: b.driver,
    schema: b.schemaName(),
    closeDriver: false,
    now: () => T0,
  });
  await store.migrate();
  return {
    store,
    outbox: store.outbox,
    timers: store.timers,
    entries: () => store.outbox.entries(),
    attempts: (intentId) => store.outbox.attempts(intentId),
    timer: async (ticketId) => {
      const row = await store.timers.get(TENANT, ticketId);
      return row && { dueAt: row.dueAt, lockedBy: row.lockedBy };
    },
  };
};
