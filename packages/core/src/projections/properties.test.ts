/**
 * Laws of the read models as fast-check properties: the queue order is a total order
 * (antisymmetric, transitive, ties only for the same ticket); a query is the filtered, sorted
 * entries; the in-memory projections equal folding each ticket on its own, whatever the
 * redelivery; and statistics are the same whether events are reduced one by one, in batches
 * per ticket, or summed from each ticket's final facts.
 */

import { workloadArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../store/types.js";
import { fold } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { applyFacts, emptyStatistics, reduceStatistics, restateTicket, type Statistics } from "./statistics.js";
import { createStatisticsProjection } from "./statistics-projection.js";
import { ticketFacts } from "./ticket-facts.js";
import { stepTicket } from "./ticket-steps.js";
import { type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
import { compareWorkQueue, matchesWorkQueueFilter, queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";
import { createWorkQueueProjection } from "./work-queue-projection.js";

const entryArb: fc.Arbitrary<WorkQueueEntry> = fc
  .record({
    tenant: fc.constantFrom("t1", "t2"),
    ticketId: fc.constantFrom("A", "B", "C", "D"),
    version: fc.nat(5),
    policyId: fc.constant("p"),
    organisation: fc.constantFrom("Acme", "Globex", null),
    contractId: fc.constant(null),
    requester: fc.constant("r"),
    assignee: fc.constantFrom("ann", "bob", null),
    group: fc.constant(null),
    status: fc.constantFrom("new" as const, "open" as const, "awaiting-customer" as const),
    priority: fc.constant("x"),
    priorityRank: fc.nat(3),
    vip: fc.constant(false),
    tierRank: fc.nat(2),
    subject: fc.constant("s"),
    openedAt: fc.nat(3),
    updatedAt: fc.constant(0),
    nextDeadline: fc.option(fc.nat(3)),
    nextDeadlineMetric: fc.constant(null),
    breached: fc.boolean(),
  })
  .map((e) => ({ ...e, vip: e.tierRank === 0 }));
const sign = (n: number) => Math.sign(n);
const filterArb: fc.Arbitrary<WorkQueueFilter> = fc.record(
  {
    tenant: fc.constantFrom("t1", "t2"),
    organisation: fc.constantFrom("Acme", "Globex"),
    assignee: fc.constantFrom("ann", null),
    status: fc.subarray(["new", "open", "awaiting-customer"] as const),
    vipOnly: fc.boolean(),
  },
  { requiredKeys: ["tenant"] },
);

describe("queue order laws", () => {
  it("is antisymmetric and ties only the same ticket", () => {
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        expect(sign(compareWorkQueue(a, b)) + sign(compareWorkQueue(b, a))).toBe(0);
        if (compareWorkQueue(a, b) === 0) expect([a.tenant, a.ticketId]).toEqual([b.tenant, b.ticketId]);
      }),
      { numRuns: 2000 },
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(entryArb, entryArb, entryArb, (a, b, c) => {
        if (compareWorkQueue(a, b) <= 0 && compareWorkQueue(b, c) <= 0)
          expect(compareWorkQueue(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("a query is the matching entries in order: VIP first, then deadlines ascending (none last); limit keeps a prefix", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 20 }), filterArb, fc.nat(25), (entries, filter, limit) => {
        const all = queryWorkQueue(entries, filter);
        expect(all.length).toBe(entries.filter((e) => matchesWorkQueueFilter(e, filter)).length);
        for (let i = 1; i < all.length; i++) {
          const [p, q] = [all[i - 1]!, all[i]!];
          expect(compareWorkQueue(p, q)).toBeLessThanOrEqual(0);
          if (p.tierRank === q.tierRank && q.nextDeadline !== null) expect(p.nextDeadline).not.toBeNull();
        }
        expect(queryWorkQueue(entries, filter, limit)).toEqual(all.slice(0, limit));
      }),
    );
  });
});

/** Each ticket's final state, folded on its own. */
const finalStates = (tickets: readonly (readonly { readonly at: number }[])[]) =>
  tickets.filter((t) => t.length > 0).map((t) => fold(t as never) as TicketState);
const policyOf = (s: TicketState) =>
  workloadPolicies(s.policyId ?? "") as NonNullable<ReturnType<typeof workloadPolicies>>;

/** Redelivers some events again later in the log (at-least-once delivery). */
const withRedelivery = (log: readonly RecordedEvent[], picks: readonly number[]): RecordedEvent[] => {
  const out = [...log];
  for (const p of picks) {
    if (log.length === 0) break;
    const copy = log[p % log.length]!;
    const original = out.indexOf(copy);
    out.splice(original + 1 + (p % (out.length - original)), 0, copy);
  }
  return out;
};

describe("in-memory projections", () => {
  it("the work queue equals each ticket's entry folded on its own, with events redelivered", () => {
    fc.assert(
      fc.property(workloadArb, fc.array(fc.nat(), { maxLength: 6 }), ({ tickets, log }, picks) => {
        const q = createWorkQueueProjection(workloadPolicies);
        expect(E.isRight(q.applyAll(withRedelivery(log, picks)))).toBe(true);
        const expected = finalStates(tickets)
          .map((s) => workQueueEntry(s, policyOf(s)))
          .filter((e): e is WorkQueueEntry => e !== null);
        for (const tenant of ["t1", "t2"]) {
          expect(q.query({ tenant })).toEqual(queryWorkQueue(expected, { tenant }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("statistics one event at a time = batches per ticket = the sum of final facts", () => {
    fc.assert(
      fc.property(workloadArb, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), ({ tickets, log }, picks, cut) => {
        const oneByOne = createStatisticsProjection(workloadPolicies);
        expect(E.isRight(oneByOne.applyAll(withRedelivery(log, picks)))).toBe(true);

        let summed: Statistics = emptyStatistics;
        for (const s of finalStates(tickets)) summed = applyFacts(summed, ticketFacts(s, policyOf(s))!, 1);

        // Each ticket in two batches, cut at some event: one restatement per batch.
        let batched: Statistics = emptyStatistics;
        for (const events of tickets) {
          if (events.length === 0) continue;
          const k = cut % (events.length + 1);
          const mid = fold(events.slice(0, k));
          const end = fold(events);
          const pMid = k === 0 ? policyOf(end) : policyOf(mid);
          batched = restateTicket(batched, initialState, mid, pMid);
          batched = restateTicket(batched, mid, end, { before: pMid, after: policyOf(end) });
        }
        expect(oneByOne.statistics).toEqual(summed);
        expect(batched).toEqual(summed);
      }),
      { numRuns: 60 },
    );
  });

  it("the reducer's shortcut for events the statistics do not read equals a full restatement", () => {
    fc.assert(
      fc.property(workloadArb, ({ log }) => {
        const states = new Map<string, TicketState>();
        for (const r of log) {
          const step = stepTicket(states.get(r.streamId), r);
          if (E.isLeft(step) || step.right === null) throw new Error("workload log is clean");
          const { event, before, after } = step.right;
          states.set(r.streamId, after);
          const policies = {
            before: before.policyId === null ? policyOf(after) : policyOf(before),
            after: policyOf(after),
          };
          const base = restateTicket(emptyStatistics, initialState, before, policies.before);
          expect(reduceStatistics(base, event, before, after, policies)).toEqual(
            restateTicket(base, before, after, policies),
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
