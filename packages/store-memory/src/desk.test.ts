/** `createInMemoryDesk` holds to the desk contract: its running workers breach, escalate and auto-close a ticket. */
import { describeDeskContract } from "@ticketfold/testing/delivery-contract";
import { createInMemoryDesk } from "./desk.js";

describeDeskContract("in-memory", async ({ onError, ...options }) => {
  const desk = createInMemoryDesk({
    ...options,
    // The contract checks the desk without an error hook too: a throwing one is the core's default.
    onError:
      onError ??
      ((error) => {
        throw error;
      }),
    timers: { idleMs: 5 },
    outbox: { idleMs: 5 },
  });
  return { desk, close: () => desk.stop().catch(() => {}) };
});
