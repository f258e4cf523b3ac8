/**
 * Laws of the ticket list, on random workloads: the stored entry's live figures equal the SLA
 * engine's at any later instant (so adapters may filter on stored data), each order is total,
 * and walking the pages of any query lists each matching ticket exactly once, in order.
 */
import {
  type TicketListQuestion,
  ticketListQuestionArb,
  workloadArb,
  workloadInstantArb,
  workloadPolicies,
} from "@ticketfold/testing/workload";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { TicketIndexEntry, TicketListOrder, TicketListRow } from "../store/ticket-queries.js";
import { deadlineDigest } from "./ticket-index-entry.js";
import { createTicketIndexProjection, type TicketIndexProjection } from "./ticket-index-projection.js";
import { isBreachedAt, matchesTicketListFilter } from "./ticket-list-filter.js";
import { compareTicketList } from "./ticket-list-order.js";

const projectionOf = (log: Parameters<TicketIndexProjection["applyAll"]>[0]) => {
  const p = createTicketIndexProjection(workloadPolicies);
  expect(E.isRight(p.applyAll(log))).toBe(true);
  return p;
};

const entryArb: fc.Arbitrary<TicketIndexEntry> = fc
  .record({
    tenant: fc.constant("t1"),
    ticketId: fc.constantFrom("A", "B", "C", "D"),
    version: fc.constant(1),
    policyId: fc.constant("p"),
    status: fc.constantFrom("new" as const, "closed" as const),
    priority: fc.constant("x"),
    priorityRank: fc.nat(2),
    customerTier: fc.constant(null),
    vip: fc.constant(false),
    tierRank: fc.nat(2),
    organisation: fc.constant(null),
    contractId: fc.constant(null),
    requester: fc.constant("r"),
    assignee: fc.constant(null),
    group: fc.constant(null),
    subject: fc.constant("s"),
    category: fc.constant("incident"),
    openedAt: fc.nat(3),
    updatedAt: fc.nat(3),
    resolvedAt: fc.constant(null),
    closedAt: fc.constant(null),
    nextDeadline: fc.option(fc.nat(3)),
    nextDeadlineMetric: fc.constant(null),
    breached: fc.boolean(),
  })
  .map((e) => ({ ...e, vip: e.tierRank === 0 }));
const orderArb = fc.constantFrom<TicketListOrder>("opened-desc", "updated-desc", "queue");

describe("live SLA from stored figures", () => {
  it("breached at any instant after the last event is the stored verdict or the nearest deadline passed", () => {
    fc.assert(
      fc.property(workloadArb, workloadInstantArb, ({ log }, now) => {
        const p = projectionOf(log);
        for (const entry of p.entries()) {
          // A random instant, and the edges of the nearest deadline (breached from it on).
          const edges = entry.nextDeadline === null ? [] : [entry.nextDeadline - 1, entry.nextDeadline];
          for (const at of [now, ...edges]) {
            const live = p.get(entry.tenant, entry.ticketId, at);
            if (E.isLeft(live) || live.right === null) throw new Error("listed ticket not found");
            expect(isBreachedAt(entry, live.right.asOf)).toBe(live.right.breached);
          }
          const row = p.get(entry.tenant, entry.ticketId, now);
          if (E.isLeft(row) || row.right === null) throw new Error("listed ticket not found");
          // The nearest running deadline does not move while no event happens.
          const state = p.state(entry.tenant, entry.ticketId);
          const policy = workloadPolicies(entry.policyId);
          if (state === undefined || policy === undefined) throw new Error("no state");
          expect(deadlineDigest(state, policy, row.right.asOf).nextDeadline).toBe(entry.nextDeadline);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("order laws", () => {
  it("each order is antisymmetric and ties only the same ticket", () => {
    fc.assert(
      fc.property(orderArb, entryArb, entryArb, (order, a, b) => {
        const c = compareTicketList(order);
        expect(Math.sign(c(a, b)) + Math.sign(c(b, a))).toBe(0);
        if (c(a, b) === 0) expect(a.ticketId).toBe(b.ticketId);
      }),
    );
  });
  it("each order is transitive", () => {
    fc.assert(
      fc.property(orderArb, entryArb, entryArb, entryArb, (order, a, b, x) => {
        const c = compareTicketList(order);
        if (c(a, b) <= 0 && c(b, x) <= 0) expect(c(a, x)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

/** Every page of a query, following the cursors. */
const walk = (p: TicketIndexProjection, q: TicketListQuestion): TicketListRow[][] => {
  const pages: TicketListRow[][] = [];
  let cursor: string | null = null;
  do {
    const page = p.list(q.tenant, q.filter, { now: q.now, order: q.order, limit: q.limit, cursor });
    if (E.isLeft(page)) throw page.left;
    expect(page.right.rows.length).toBeLessThanOrEqual(q.limit);
    pages.push([...page.right.rows]);
    cursor = page.right.nextCursor;
    if (cursor !== null) expect(page.right.rows).toHaveLength(q.limit);
  } while (cursor !== null && pages.length < 1000);
  return pages;
};

describe("pagination", () => {
  it("walking the pages lists each matching ticket exactly once, in order", () => {
    fc.assert(
      fc.property(workloadArb, fc.array(ticketListQuestionArb, { minLength: 1, maxLength: 6 }), ({ log }, qs) => {
        const p = projectionOf(log);
        for (const q of qs) {
          const expected = p
            .entries()
            .filter((e) => e.tenant === q.tenant && matchesTicketListFilter(e, q.filter, q.now))
            .sort(compareTicketList(q.order))
            .map((e) => e.ticketId);
          expect(
            walk(p, q)
              .flat()
              .map((r) => r.ticketId),
          ).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});
