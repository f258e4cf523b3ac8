/**
 * Statistics rules as scenario tables: SLA attainment (met vs breached, the priority and UTC
 * month of the stop, reopen resume vs restart, next-reply cycles), response and resolution
 * times (office calendar vs 24×7), billable minutes, counts, and the nearest-rank p90.
 */

import {
  compiledRestart,
  compiledResume,
  type Move,
  recordedLog,
  type TicketPlan,
  ticketEvents,
  workloadPolicies,
} from "@ticketfold/testing/workload";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { fold } from "../ticket/evolve.js";
import { nearestRank, summariseDurations } from "./durations.js";
import { customerStatistics, emptyStatistics, reduceStatistics } from "./statistics.js";
import { createStatisticsProjection } from "./statistics-projection.js";
import { customerOf, monthOf, ticketFacts } from "./ticket-facts.js";

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
const m = (gap: number, move: Move, arg = 0) => [gap, move, arg] as const;
const factsOf = (p: TicketPlan) => {
  const state = fold(ticketEvents(0, p));
  return ticketFacts(state, p.policy === "restart" ? compiledRestart : compiledResume);
};
const outcomes = (p: TicketPlan) =>
  factsOf(p)?.outcomes.map((o) => `${o.metric}:${o.priority}:${o.month}:${o.outcome}`) ?? [];

describe("SLA attainment: outcomes of stopped metrics", () => {
  it.each([
    ["nothing stopped yet", plan([m(30, "accept")]), []],
    ["answered within the office-hours target", plan([m(120, "reply")]), ["response:normal:2025-03:met"]],
    [
      "answered late (urgent: 30 office minutes)",
      plan([m(180, "reply")], { priority: "urgent" }),
      ["response:urgent:2025-03:breached"],
    ],
    [
      "resolved within 24h",
      plan([m(60, "reply"), m(60, "resolve")]),
      ["response:normal:2025-03:met", "resolution:normal:2025-03:met"],
    ],
    ["priority in force at the stop", plan([m(60, "priority", 1), m(1, "reply")]), ["response:high:2025-03:met"]],
    [
      "reopen (resume): the resolution outcome is withdrawn",
      plan([m(60, "reply"), m(60, "resolve"), m(60, "reopen")]),
      ["response:normal:2025-03:met"],
    ],
    [
      "reopen (resume) and resolve again: one outcome",
      plan([m(60, "reply"), m(60, "resolve"), m(60, "reopen"), m(60, "resolve")]),
      ["response:normal:2025-03:met", "resolution:normal:2025-03:met"],
    ],
    [
      "reopen (restart) and resolve again: one per cycle",
      plan([m(60, "reply"), m(60, "resolve"), m(60, "reopen"), m(60, "resolve")], { policy: "restart" }),
      ["response:normal:2025-03:met", "resolution:normal:2025-03:met", "resolution:normal:2025-03:met"],
    ],
    [
      "each answered reply batch counts",
      plan([m(60, "reply"), m(10, "comment"), m(10, "reply"), m(10, "comment"), m(300, "reply")]),
      ["response:normal:2025-03:met", "next-reply:normal:2025-03:met", "next-reply:normal:2025-03:breached"],
    ],
    [
      "resolved after the month turned: month of the stop (UTC)",
      plan([m(60, "resolve")], { startOffset: 28 * 24 * 60 + 15 * 60 }),
      ["resolution:normal:2025-04:met"],
    ],
  ] as const)("%s", (_name, p, expected) => {
    expect(outcomes(p)).toEqual(expected);
  });
});

describe("response and resolution times", () => {
  it.each([
    // Opened Mon 08:00; the office opens at 09:00: response counts office time, resolution 24×7
    // (the metrics' calendars); both are the SLA's elapsed counted time at the stop.
    ["reply at 10:00: 1 office hour", plan([m(120, "reply")]), HOUR, null],
    ["reply at 08:30: before opening, 0", plan([m(30, "reply")]), 0, null],
    ["reply Tue 10:00: Mon 09–17 (8h) + Tue 09–10 (1h)", plan([m(26 * 60, "reply")]), 9 * HOUR, null],
    ["resolved at 12:00 without a reply: 4h wall time", plan([m(240, "resolve")]), null, 4 * HOUR],
    ["reopened: no resolution time", plan([m(60, "resolve"), m(60, "reopen")]), null, null],
    [
      "resolved again (resume): the SLA's counted time, the resolved hour not counted",
      plan([m(60, "resolve"), m(60, "reopen"), m(60, "resolve")]),
      null,
      2 * HOUR,
    ],
    [
      "awaiting the customer pauses resolution: 3h open, 2h paused → 1h",
      plan([m(60, "await"), m(120, "comment"), m(0, "resolve")]),
      null,
      HOUR,
    ],
  ] as const)("%s", (_name, p, response, resolution) => {
    expect(factsOf(p)).toMatchObject({ responseTime: response, resolutionTime: resolution });
  });

  it("billable and unbilled minutes are the ticket's logged totals", () => {
    const f = factsOf(plan([m(5, "log", 29), m(5, "log-billable", 44), m(5, "log", 9)]));
    expect(f).toMatchObject({ minutesBillable: 45, minutesUnbilled: 40 });
  });
});

describe("customer key and month", () => {
  it.each([
    [{ contractId: "C-1", organisation: "Acme" }, "contract:C-1"],
    [{ organisation: "Acme" }, "organisation:Acme"],
    [{}, "none"],
  ])("%o → %s", (fields, key) => {
    expect(
      customerOf({
        ...fields,
        subject: "s",
        description: "d",
        category: "incident",
        channel: "web",
        requester: { id: "r" },
      } as never),
    ).toBe(key);
  });

  it.each([
    [Date.UTC(2025, 2, 31, 23, 59, 59, 999), "2025-03"],
    [Date.UTC(2025, 3, 1), "2025-04"],
    [Date.UTC(999, 0, 1), "0999-01"],
  ])("monthOf(%d) = %s", (at, month) => {
    expect(monthOf(at)).toBe(month);
  });
});

describe("p90 by nearest rank", () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) * MINUTE);
  it.each([
    [0, null],
    [1, 1],
    [2, 2],
    [9, 9],
    [10, 9],
    [11, 10],
    [20, 18],
    [100, 90],
    [101, 91],
  ])("of %d samples 1..n minutes is %s minutes", (n, p90) => {
    const s = summariseDurations(range(n));
    expect(s.p90).toBe(p90 === null ? null : p90 * MINUTE);
    expect(s.count).toBe(n);
    expect(s.mean).toBe(n === 0 ? null : ((n + 1) / 2) * MINUTE);
  });

  it("nearestRank is ⌈p·n/100⌉", () => {
    expect([1, 10, 11, 19, 20].map((n) => nearestRank(90, n))).toEqual([1, 9, 10, 18, 18]);
  });
});

describe("statistics per tenant and customer", () => {
  const tickets = [
    plan([m(60, "reply"), m(5, "log-billable", 29), m(55, "resolve")], { contractId: "C-1" }),
    plan([m(180, "reply")], { contractId: "C-1", priority: "urgent" }),
    plan([m(60, "await")], { contractId: "C-1" }),
    plan([m(30, "reply")], { organisation: "Globex" }),
    plan([], { tenant: "t2", contractId: "C-1" }),
  ].map((p, i) => ticketEvents(i, p));

  it("counts, attainment, times and minutes of one customer", () => {
    const s = createStatisticsProjection(workloadPolicies);
    expect(E.isRight(s.applyAll(recordedLog(tickets)))).toBe(true);
    const c1 = customerStatistics(s.statistics, "t1", "contract:C-1");
    expect(c1).toEqual({
      tenant: "t1",
      customer: "contract:C-1",
      tickets: 3,
      byStatus: { resolved: 1, new: 1, "awaiting-customer": 1 },
      byPriority: { normal: 2, urgent: 1 },
      attainment: [
        { metric: "resolution", priority: "normal", month: "2025-03", met: 1, breached: 0 },
        { metric: "response", priority: "normal", month: "2025-03", met: 1, breached: 0 },
        { metric: "response", priority: "urgent", month: "2025-03", met: 0, breached: 1 },
      ],
      responseTimes: [0, 2 * HOUR],
      resolutionTimes: [2 * HOUR],
      minutesBillable: 30,
      minutesUnbilled: 0,
    });
    expect(Object.keys(s.statistics.groups).sort()).toEqual([
      "t1/contract:C-1",
      "t1/organisation:Globex",
      "t2/contract:C-1",
    ]);
  });

  it("an event the statistics do not read leaves them as they are (same value)", () => {
    const events = ticketEvents(9, plan([m(5, "assign", 1)]));
    const before = fold(events.slice(0, -1));
    const stats = reduceStatistics(emptyStatistics, events[0]!, fold([]), before, compiledResume);
    expect(reduceStatistics(stats, events.at(-1)!, before, fold(events), compiledResume)).toBe(stats);
  });
});
