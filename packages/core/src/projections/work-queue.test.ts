/**
 * Work queue rules as scenario tables: which tickets are queued, their nearest SLA deadline
 * (running clocks only), the breached flag, VIP (P-B), the queue order and the filters
 * (P-D: an organisation's members see all its tickets).
 */

import {
  compiledResume,
  type Move,
  recordedLog,
  type TicketPlan,
  ticketEvents,
  WORKLOAD_START,
  workloadPolicies,
} from "@ticketfold/testing/workload";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { fold } from "../ticket/evolve.js";
import { isEventOutOfOrder, isUnknownPolicy } from "./errors.js";
import { isOverdue, type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
import { compareWorkQueue, queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";
import { createWorkQueueProjection } from "./work-queue-projection.js";

const T = WORKLOAD_START; // Mon 2025-03-03 08:00Z; the office calendar opens at 09:00
const plan = (moves: TicketPlan["moves"], over: Partial<TicketPlan> = {}): TicketPlan => ({
  tenant: "t1",
  organisation: "Acme",
  contractId: undefined,
  vip: false,
  policy: "resume",
  priority: "normal",
  startOffset: 0,
  moves,
  ...over,
});
const entryOf = (p: TicketPlan, i = 0) => workQueueEntry(fold(ticketEvents(i, p)), compiledResume);
const m = (gap: number, move: Move, arg = 0) => [gap, move, arg] as const;

describe("workQueueEntry", () => {
  it.each([
    // name, moves, status, nearest deadline, its metric, breached
    ["new: response on the office calendar (opens 09:00) + 4h", [], "new", T + 5 * HOUR, "response", false],
    [
      "answered: resolution 24×7 + 24h is next",
      [m(60, "accept"), m(1, "reply")],
      "open",
      T + 24 * HOUR,
      "resolution",
      false,
    ],
    [
      "awaiting the customer after an answer: every clock paused",
      [m(60, "reply"), m(1, "await")],
      "awaiting-customer",
      null,
      null,
      false,
    ],
    [
      "awaiting without an answer: the response clock never pauses",
      [m(60, "await")],
      "awaiting-customer",
      T + 5 * HOUR,
      "response",
      false,
    ],
    [
      "a customer comment starts next-reply (4h), nearer than resolution",
      [m(60, "reply"), m(60, "comment")],
      "new",
      T + 6 * HOUR,
      "next-reply",
      false,
    ],
    [
      "breached response recorded by the timer: overdue deadline first",
      [m(600, "tick")],
      "new",
      T + 5 * HOUR,
      "response",
      true,
    ],
  ] as const)("%s", (_name, moves, status, deadline, metric, breached) => {
    const e = entryOf(plan(moves));
    expect(e).not.toBeNull();
    expect(e).toMatchObject({ status, nextDeadline: deadline, nextDeadlineMetric: metric, breached });
  });

  it.each([
    ["resolved", [m(60, "reply"), m(60, "resolve")]],
    ["closed", [m(60, "reply"), m(60, "resolve"), m(60, "close")]],
  ] as const)("a %s ticket leaves the queue", (_status, moves) => {
    expect(entryOf(plan(moves))).toBeNull();
  });

  it("reopened, the ticket is back in the queue", () => {
    expect(entryOf(plan([m(60, "reply"), m(60, "resolve"), m(60, "reopen")]))?.status).toBe("open");
  });

  it("carries the ticket's identity, people and tier", () => {
    const e = entryOf(plan([m(5, "assign", 1)], { vip: true, contractId: "C-9", priority: "urgent" }), 7);
    expect(e).toMatchObject({
      tenant: "t1",
      organisation: "Acme",
      contractId: "C-9",
      requester: "req-3",
      assignee: "agent-1",
      group: "g1",
      priority: "urgent",
      priorityRank: 0,
      vip: true,
      tierRank: 0,
      subject: "ticket 7",
      openedAt: T,
      updatedAt: T + 5 * MINUTE,
      version: 2,
      policyId: "resume",
    });
  });

  it("isOverdue compares the nearest deadline with now", () => {
    const e = entryOf(plan([])) as WorkQueueEntry;
    expect(isOverdue(e, T + 5 * HOUR - 1)).toBe(false);
    expect(isOverdue(e, T + 5 * HOUR)).toBe(true);
  });
});

const base: WorkQueueEntry = {
  tenant: "t1",
  ticketId: "B",
  version: 1,
  policyId: "p",
  organisation: "Acme",
  contractId: null,
  requester: "r",
  assignee: null,
  group: null,
  status: "open",
  priority: "normal",
  priorityRank: 2,
  vip: false,
  tierRank: 1,
  subject: "s",
  openedAt: 1000,
  updatedAt: 1000,
  nextDeadline: 5000,
  nextDeadlineMetric: "resolution",
  breached: false,
};
const e = (over: Partial<WorkQueueEntry>): WorkQueueEntry => ({ ...base, ...over });

describe("compareWorkQueue", () => {
  it.each([
    ["VIP before a nearer deadline", e({ vip: true, tierRank: 0, nextDeadline: 9000 }), e({ nextDeadline: 1 })],
    [
      "gold (rank 1) before standard (rank 2)",
      e({ tierRank: 1, nextDeadline: 9000 }),
      e({ tierRank: 2, nextDeadline: 1 }),
    ],
    ["nearer deadline first", e({ nextDeadline: 4000 }), e({ nextDeadline: 4001, priorityRank: 0 })],
    ["no deadline goes last", e({ nextDeadline: 10 ** 12 }), e({ nextDeadline: null, priorityRank: 0 })],
    ["same deadline: more urgent priority first", e({ priorityRank: 0 }), e({ priorityRank: 1, openedAt: 1 })],
    ["same priority: opened earlier first", e({ openedAt: 999 }), e({ ticketId: "A" })],
    ["all else equal: ticket id", e({ ticketId: "A" }), e({ ticketId: "B" })],
    ["same ticket id: tenant", e({ tenant: "t1" }), e({ tenant: "t2" })],
  ])("%s", (_name, first, second) => {
    expect(compareWorkQueue(first, second)).toBeLessThan(0);
    expect(compareWorkQueue(second, first)).toBeGreaterThan(0);
  });
});

describe("queryWorkQueue filters", () => {
  const entries = [
    e({ ticketId: "1", organisation: "Acme", assignee: "ann", status: "new", vip: true, tierRank: 0 }),
    e({ ticketId: "2", organisation: "Acme", assignee: null, status: "open" }),
    e({ ticketId: "3", organisation: "Globex", assignee: "ann", status: "awaiting-customer" }),
    e({ ticketId: "4", organisation: null, assignee: "bob", status: "open", vip: true, tierRank: 0 }),
    e({ ticketId: "5", tenant: "t2", organisation: "Acme", status: "open" }),
  ];
  it.each<[string, WorkQueueFilter, string[]]>([
    ["tenant only (VIP first)", { tenant: "t1" }, ["1", "4", "2", "3"]],
    ["P-D: one organisation's tickets", { tenant: "t1", organisation: "Acme" }, ["1", "2"]],
    ["assigned to an agent", { tenant: "t1", assignee: "ann" }, ["1", "3"]],
    ["unassigned", { tenant: "t1", assignee: null }, ["2"]],
    ["by status", { tenant: "t1", status: ["open", "awaiting-customer"] }, ["4", "2", "3"]],
    ["VIP only", { tenant: "t1", vipOnly: true }, ["1", "4"]],
    ["another tenant", { tenant: "t2" }, ["5"]],
  ])("%s", (_name, filter, ids) => {
    expect(queryWorkQueue(entries, filter).map((x) => x.ticketId)).toEqual(ids);
  });

  it("limit keeps the head of the order", () => {
    expect(queryWorkQueue(entries, { tenant: "t1" }, 2).map((x) => x.ticketId)).toEqual(["1", "4"]);
  });
});

describe("WorkQueueProjection", () => {
  const log = recordedLog([
    ticketEvents(0, plan([m(30, "reply")])),
    ticketEvents(1, plan([m(10, "reply"), m(10, "resolve")])),
    ticketEvents(2, plan([], { vip: true })),
  ]);

  it("queues open tickets, VIP first, and skips events it has already applied", () => {
    const q = createWorkQueueProjection(workloadPolicies);
    expect(E.isRight(q.applyAll([...log, ...log]))).toBe(true);
    expect(q.query({ tenant: "t1" }).map((x) => x.subject)).toEqual(["ticket 2", "ticket 0"]);
    expect(q.state("t1", log[0]!.streamId)?.version).toBe(2);
  });

  it("refuses a gap in a ticket's versions and a policy it was not given", () => {
    const q = createWorkQueueProjection(workloadPolicies);
    const gap = q.apply({ ...log[0]!, version: 2 });
    expect(E.isLeft(gap) && isEventOutOfOrder(gap.left)).toBe(true);
    const blind = createWorkQueueProjection(() => undefined);
    const unknown = blind.apply(log[0]!);
    expect(E.isLeft(unknown) && isUnknownPolicy(unknown.left)).toBe(true);
    expect(blind.entries()).toEqual([]);
  });
});
