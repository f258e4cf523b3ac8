/**
 * A new ticket outside any valid contract, when the selection says `outside: "refuse"`: the
 * handler answers NO_VALID_CONTRACT and stores nothing; within a valid contract the ticket is
 * opened under the contract's policy.
 */
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { fourPriorities, openTicket, T0, TENANT, TICKET } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodePolicy, type Policy } from "../policy/policy.js";
import { decodePolicySelection, selectingResolver } from "../policy/selection.js";
import { handleCommand } from "./handler.js";

const policy = (id: string): Policy => {
  const d = decodePolicy({ id, name: id, priorities: fourPriorities });
  if (E.isLeft(d)) throw new Error(d.left.message);
  return d.right;
};
const selection = decodePolicySelection({
  rules: [],
  default: "standard",
  contracts: {
    timeZone: "UTC",
    list: [{ id: "C-1", validFrom: "2025-01-01", validTo: "2025-03-02", policy: "gold" }],
    outside: "refuse",
  },
});
if (E.isLeft(selection)) throw new Error(selection.left.message);
const resolver = selectingResolver([policy("gold"), policy("standard")], selection.right);
if (E.isLeft(resolver)) throw new Error(resolver.left.message);

describe("handling a new ticket outside any valid contract", () => {
  it("is refused with NO_VALID_CONTRACT and nothing is stored (T0 is 2025-03-03, the day after C-1 ends)", async () => {
    const store = createInMemoryEventStore({ now: () => T0 });
    const result = await handleCommand(store, resolver.right, openTicket({ contractId: "C-1" }));
    expect(result).toEqual(E.left(expect.objectContaining({ code: "NO_VALID_CONTRACT", contractId: "C-1" })));
    expect((await store.readStream(TENANT, TICKET)).exists).toBe(false);
  });

  it("within the contract's dates it is opened under the contract's policy", async () => {
    const store = createInMemoryEventStore({ now: () => T0 });
    const command = { ...openTicket({ contractId: "C-1" }), at: Date.parse("2025-03-02T23:59Z") };
    const result = await handleCommand(store, resolver.right, command);
    if (E.isLeft(result)) throw new Error(result.left.message);
    const stored = await store.readStream(TENANT, TICKET);
    expect(stored.events[0]?.data).toMatchObject({ policyId: "gold", contractId: "C-1" });
  });
});
