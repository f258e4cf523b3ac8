/**
 * The in-memory outbox store runs the shared all-or-nothing contract of `appendWithOutbox`:
 * a failure anywhere in an append leaves events, outbox and timers as they were.
 */
import { describeOutboxAtomicityContract } from "@ticketfold/testing/store-contract";
import { createInMemoryOutboxStore } from "./index.js";

describeOutboxAtomicityContract("in-memory store", async () => {
  const store = createInMemoryOutboxStore();
  return {
    store,
    entries: async () => store.outbox.entries(),
    timer: async (ticketId) => store.timers.get("acme", ticketId),
  };
});
