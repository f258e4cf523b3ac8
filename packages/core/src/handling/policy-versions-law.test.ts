/**
 * Law (issue 10, item 9): putting a new version of a policy into the resolver, without a
 * `change-policy` event, moves no deadline of any existing ticket: every SLA deadline, the next
 * wake-up and the commands due are those of the version the ticket is pinned to, whether the
 * handler (resolvePolicy) or the timer worker (pinnedPolicy) asks. Tickets are the domain's own
 * histories (historyArb) under random SLA policies (slaPolicyArb).
 */
import { historyArb, slaPolicyArb } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { type PolicyResolver, pinnedPolicy, singlePolicy } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { resolvePolicy } from "./decision.js";

const HOUR = 3_600_000;

/** What time does to a ticket under the policy a resolver gives it: deadlines, wake-up, commands due. */
const judged = (resolver: PolicyResolver, state: TicketState, probe: TicketCommand, now: Instant) => {
  const forHandler = resolvePolicy(resolver, state, probe);
  const forTimers = pinnedPolicy(resolver, state);
  if (E.isLeft(forHandler)) return { error: forHandler.left.code };
  expect(forTimers).toBe(forHandler.right);
  const cp = compiledPolicyOf(forHandler.right);
  if (E.isLeft(cp)) throw new Error(cp.left.message);
  const status = slaStatus(state, cp.right, now);
  return {
    deadlines: Object.fromEntries(Object.entries(status).map(([m, s]) => [m, [s?.deadline, s?.state]])),
    wakeUp: nextWakeUp(state, cp.right),
    due: due(state, cp.right, now).map((c) => [c.type, c.data]),
  };
};

const caseArb = fc
  .tuple(slaPolicyArb({ id: "desk" }), slaPolicyArb({ id: "desk" }))
  .map(([a, b]): [Policy, Policy] => [
    { ...a, version: 1 },
    { ...b, version: 2 },
  ])
  .chain(([v1, v2]) =>
    fc.record({
      v1: fc.constant(v1),
      v2: fc.constant(v2),
      history: historyArb({ policies: fc.constant([v1]), maxCommands: 15 }),
      later: fc.integer({ min: 0, max: 96 * HOUR }),
    }),
  );

describe("pinned policy versions (law)", () => {
  it("a new version in the resolver, without change-policy, moves no deadline of an existing ticket", () => {
    let wouldMove = 0;
    fc.assert(
      fc.property(caseArb, ({ v1, v2, history, later }) => {
        const { state } = history;
        const probe = history.accepted[0] as TicketCommand;
        const now = (state.lastEventAt ?? 0) + later;
        expect(state.policyVersion).toBe(1);
        const before = judged(singlePolicy(v1), state, probe, now);
        const after = judged(singlePolicy(v2, [v1]), state, probe, now);
        expect(after).toEqual(before);
        // Unpinned (the resolver's current version for every ticket), the same edit would re-judge it.
        const unpinned = judged(
          { byId: () => v2, forNewTicket: () => v2 },
          { ...state, policyVersion: null },
          probe,
          now,
        );
        if (JSON.stringify(unpinned) !== JSON.stringify(before)) wouldMove++;
      }),
      { numRuns: 60 },
    );
    // The law is not vacuous: most edits would have moved something had tickets not been pinned.
    expect(wouldMove).toBeGreaterThan(5);
  }, 120_000);
});
