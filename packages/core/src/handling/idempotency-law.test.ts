/**
 * Equinox's law "interpret yields correct events, idempotently", for the handler: for any valid
 * history and any command with a command id, handling it twice gives the same stream as handling
 * it once, and the second answer is the first (or, when the first appended nothing, decides the
 * same again). Stores are in memory; histories are the domain's own (historyArb).
 */
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { commandArb, historyArb } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import { commandId } from "../shared/ids.js";
import { toNewEvent } from "../store/records.js";
import type { EventStore } from "../store/types.js";
import { commandTypes, type TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { type Handled, handleCommand } from "./handler.js";

const seeded = async (history: { tenantId: string; ticketId: string; events: readonly TicketEvent[] }) => {
  const store = createInMemoryEventStore({ now: () => 0 });
  if (history.events.length > 0)
    await store.appendToStream(history.tenantId, history.ticketId, history.events.map(toNewEvent), {
      expectedVersion: "no_stream",
    });
  return store;
};

/** A stream as its readers see it, without what a store assigns (ids, positions, times). */
const contents = async (store: EventStore, tenantId: string, ticketId: string) =>
  (await store.readStream(tenantId, ticketId)).events.map(({ type, schemaVersion, data, metadata, version }) => ({
    type,
    schemaVersion,
    data,
    metadata,
    version,
  }));

const caseArb = historyArb({ maxCommands: 15 }).chain((history) =>
  fc.record({
    history: fc.constant(history),
    command: commandArb(history, commandTypes),
    id: fc.stringMatching(/^[\x21-\x7e]{1,128}$/).map(commandId),
  }),
);

describe("law: handling a command twice under one id = handling it once", () => {
  it("for any valid history and any command", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ history, command: raw, id }) => {
        const command: TicketCommand = { ...raw, commandId: id };
        const policies: PolicyResolver<Policy> = {
          byId: (policyId) => history.policies.find((p) => p.id === policyId),
          forNewTicket: () => history.policies[0] as Policy,
        };
        const once = await seeded(history);
        const twice = await seeded(history);
        const single = await handleCommand(once, policies, command);
        const first = await handleCommand(twice, policies, command);
        const second = await handleCommand(twice, policies, command);
        const { tenantId, ticketId } = history;
        expect(await contents(twice, tenantId, ticketId)).toEqual(await contents(once, tenantId, ticketId));
        expect(E.map(strip)(first)).toEqual(E.map(strip)(single));
        if (E.isRight(first) && first.right.events.length > 0) {
          expect(second).toEqual(E.right({ ...first.right, replayed: true }));
        } else {
          // Nothing was recorded, so nothing is remembered: the same decision again.
          expect(E.map(strip)(second)).toEqual(E.map(strip)(first));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A result without the store-assigned parts of its records. */
const strip = (r: Handled) => ({ ...r, recorded: r.recorded.map(({ eventId: _, ...rest }) => rest) });
