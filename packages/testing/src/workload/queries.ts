/**
 * Random ticket-list queries over the workloads' values (tenants, requesters, organisations,
 * agents, priorities, tiers, instants), so a property can ask an adapter and the pure
 * reference the same question: a filter, an order, a page size and a `now`.
 */
import type { Instant, TicketListFilter, TicketListOrder } from "@ticketfold/core";
import { DAY, HOUR } from "@ticketfold/core";
import fc from "fast-check";
import { WORKLOAD_START } from "./tickets.js";

/** An instant in the workloads' span (they open within 3 days and move for up to ~6 more). */
export const workloadInstantArb: fc.Arbitrary<Instant> = fc
  .integer({ min: -HOUR, max: 10 * DAY })
  .map((offset) => WORKLOAD_START + offset);

const filterValuesArb = fc.record({
  status: fc.subarray(["new", "open", "awaiting-customer", "resolved", "closed"] as const, { minLength: 1 }),
  requester: fc.constantFrom("req-0", "req-1", "req-2", "req-3"),
  organisation: fc.constantFrom("Acme", "Globex", "Initech"),
  assignee: fc.constantFrom("agent-0", "agent-1", "agent-2", null),
  priority: fc.subarray(["urgent", "high", "normal", "low"], { minLength: 1 }),
  customerTier: fc.constantFrom("vip", "gold"),
  breached: fc.boolean(),
  dueBefore: workloadInstantArb,
});
type FilterKey = keyof TicketListFilter;
const FILTER_KEYS: readonly FilterKey[] = [
  "status",
  "requester",
  "organisation",
  "assignee",
  "priority",
  "customerTier",
  "breached",
  "dueBefore",
];

/** A filter of up to three conditions (more would rarely match a small workload). */
export const ticketListFilterArb: fc.Arbitrary<TicketListFilter> = fc
  .tuple(fc.subarray([...FILTER_KEYS], { maxLength: 3 }), filterValuesArb)
  .map(([keys, values]) => Object.fromEntries(keys.map((k) => [k, values[k]])) as TicketListFilter);

export const ticketListOrderArb: fc.Arbitrary<TicketListOrder> = fc.constantFrom(
  "opened-desc",
  "updated-desc",
  "queue",
);

/** One list question: tenant, filter, order, page size and `now`. */
export interface TicketListQuestion {
  readonly tenant: "t1" | "t2";
  readonly filter: TicketListFilter;
  readonly order: TicketListOrder;
  readonly limit: number;
  readonly now: Instant;
}

export const ticketListQuestionArb: fc.Arbitrary<TicketListQuestion> = fc.record({
  tenant: fc.constantFrom("t1" as const, "t2" as const),
  filter: ticketListFilterArb,
  order: ticketListOrderArb,
  limit: fc.integer({ min: 1, max: 6 }),
  now: workloadInstantArb,
});
