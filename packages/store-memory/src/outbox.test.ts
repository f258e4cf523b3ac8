/**
 * The in-memory outbox and timer table run the same outbox and timer contracts as the
 * PostgreSQL store, plus what only memory shows: entries and timers are copies.
 */

import {
  type DeliveryHarness,
  describeOutboxContract,
  describeTimerContract,
  intentAt,
  T0,
} from "@ticketfold/testing/delivery-contract";
import { describe, expect, it } from "vitest";
import { createInMemoryOutboxStore, type InMemoryOutboxStore } from "./index.js";

const harnessOf = (store: InMemoryOutboxStore): DeliveryHarness => ({
  store,
  outbox: store.outbox,
  timers: store.timers,
  entries: async () => store.outbox.entries(),
  attempts: async (intentId) => store.outbox.attempts(intentId),
  timer: async (ticketId) => {
    const row = store.timers.get("acme", ticketId);
    return row && { dueAt: row.dueAt, lockedBy: row.lockedBy };
  },
});

const harness = async () => harnessOf(createInMemoryOutboxStore({ now: () => T0 }));

describeOutboxContract("in-memory store", harness);
describeTimerContract("in-memory store", harness);

describe("in-memory outbox", () => {
  it("hands out copies: changing a claimed intent changes nothing stored", async () => {
    const store = createInMemoryOutboxStore();
    store.outbox.add([intentAt("e1/customer-comment/assignee", T0)]);
    const [claimed] = await store.outbox.claim({ now: T0, owner: "a", leaseMs: 1, limit: 1 });
    (claimed?.intent.data as Record<string, string>).body = "changed";
    expect(store.outbox.entries()[0]?.intent.data.body).toBe("hello");
  });

  it("lists entries by status", async () => {
    const store = createInMemoryOutboxStore();
    store.outbox.add([intentAt("e1/customer-comment/assignee", T0), intentAt("e2/customer-comment/assignee", T0)]);
    const [first] = await store.outbox.claim({ now: T0, owner: "a", leaseMs: 1, limit: 1 });
    if (first === undefined) throw new Error("nothing claimed");
    await store.outbox.settle(first, "a", [], { status: "delivered" });
    expect(store.outbox.entries("pending").map((e) => e.intent.id)).toEqual(["e2/customer-comment/assignee"]);
    expect(store.outbox.entries("delivered").map((e) => e.intent.id)).toEqual(["e1/customer-comment/assignee"]);
  });
});
