/**
 * The in-memory outbox store runs the shared outbox boundary contract: a failure anywhere in
 * an append leaves events, outbox and timers as they were; delivery text it cannot hold is
 * logged as the PostgreSQL store logs it.
 */
import { describeOutboxBoundaryContract } from "@ticketfold/testing/store-contract";
import { createInMemoryOutboxStore } from "./index.js";

describeOutboxBoundaryContract("in-memory store", async () => {
  const store = createInMemoryOutboxStore();
  return {
    store,
    outbox: store.outbox,
    entries: async () => store.outbox.entries(),
    attempts: async () => store.outbox.attempts(),
    timer: async (ticketId) => store.timers.get("acme", ticketId),
  };
});
