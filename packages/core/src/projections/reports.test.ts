/**
 * Report rules as scenario tables: durations are the SLA's counted time (a pause does not
 * count, the office calendar does), the breached list, nearest-rank percentiles, periods in
 * the policy's zone across DST, CSAT (one rating per resolution cycle) and billable time with
 * corrections.
 */

import { agent, commandOf, historyOf, openTicket, requester, T0, text } from "@ticketfold/testing";
import { compiledResume, type Move, resumePolicy, type TicketPlan, ticketEvents } from "@ticketfold/testing/workload";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { slaStatus } from "../sla/reader.js";
import type { TicketCommand } from "../ticket/commands.js";
import { fold } from "../ticket/evolve.js";
import { billingReport } from "./billing-report.js";
import { csatReport } from "./csat-report.js";
import { summariseDurations } from "./durations.js";
import { periodOf } from "./report-periods.js";
import { slaReport } from "./sla-report.js";
import { type TicketFacts, ticketFacts } from "./ticket-facts.js";

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
const factsOfPlan = (p: TicketPlan, i = 0): TicketFacts => {
  const f = ticketFacts(fold(ticketEvents(i, p)), compiledResume);
  if (f === null) throw new Error("not opened");
  return f;
};
const factsOf = (commands: readonly TicketCommand[]): TicketFacts => {
  const f = ticketFacts(fold(historyOf(resumePolicy, commands)), compiledResume);
  if (f === null) throw new Error("not opened");
  return f;
};
const q = { tenant: "t1", period: "month" } as const;

describe("SLA report durations are the SLA's counted time", () => {
  // Opened Mon 2025-03-03 08:00 UTC. Response counts on the office calendar (opens 09:00,
  // 240 minutes for normal), resolution on 24×7 (1440 minutes), paused while awaiting the customer.
  it.each([
    ["answered at 09:50: 50 office minutes (wall clock says 110)", "response", [m(110, "reply")], 50 * MINUTE, "met"],
    [
      "asked the customer at 09:00, answer at 11:00, resolved at 11:30: 60 + 30 minutes, the wait paused",
      "resolution",
      [m(60, "await"), m(120, "comment"), m(30, "resolve")],
      90 * MINUTE,
      "met",
    ],
    ["answered Tue 10:00: Mon 09–17 and Tue 09–10", "response", [m(26 * 60, "reply")], 9 * HOUR, "breached"],
  ] as const)("%s", (_name, metric, moves, elapsed, outcome) => {
    const p = plan(moves);
    const events = ticketEvents(0, p);
    const sla = slaStatus(fold(events), compiledResume, events.at(-1)!.at)[metric];
    const row = slaReport([factsOfPlan(p)], q).rows.find((r) => r.metric === metric);
    expect([sla?.elapsed, sla?.state]).toEqual([elapsed, outcome]);
    expect(row).toMatchObject({ [outcome]: 1, durations: { count: 1, p50: elapsed, p99: elapsed } });
  });

  it("lists a breached cycle with its deadline, breach instant and counted time past the target", () => {
    // Urgent: 30 office minutes; answered at 11:00 after 120 office minutes.
    const report = slaReport([factsOfPlan(plan([m(180, "reply")], { priority: "urgent" }))], q);
    expect(report.breached).toEqual([
      {
        ticketId: expect.any(String),
        customer: "organisation:Acme",
        metric: "response",
        cycle: 0,
        priority: "urgent",
        period: "2025-03",
        target: 30 * MINUTE,
        deadline: Date.UTC(2025, 2, 3, 9, 30),
        breachedAt: Date.UTC(2025, 2, 3, 9, 30),
        stoppedAt: Date.UTC(2025, 2, 3, 11, 0),
        over: 90 * MINUTE,
      },
    ]);
  });

  it("restarted and answered cycles each report their own duration (next-reply per batch)", () => {
    const f = factsOfPlan(plan([m(60, "reply"), m(10, "comment"), m(10, "reply"), m(10, "comment"), m(300, "reply")]));
    const nextReply = f.outcomes.filter((o) => o.metric === "next-reply").map((o) => [o.cycle, o.elapsed / MINUTE]);
    expect(nextReply).toEqual([
      [0, 10],
      [1, 300],
    ]);
  });
});

describe("percentiles by nearest rank: the sample at rank ⌈p·n/100⌉", () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) * MINUTE);
  it.each([
    [1, [1, 1, 1, 1]],
    [2, [1, 2, 2, 2]],
    [10, [5, 9, 10, 10]],
    [20, [10, 18, 19, 20]],
    [100, [50, 90, 95, 99]],
    [101, [51, 91, 96, 100]],
  ] as const)("of %d samples 1..n minutes: p50, p90, p95, p99 = %o", (n, expected) => {
    const s = summariseDurations(range(n));
    expect([s.p50, s.p90, s.p95, s.p99].map((d) => (d ?? 0) / MINUTE)).toEqual(expected);
  });
});

describe("periods in the policy's time zone", () => {
  it.each([
    [
      "Berlin, the night DST starts: 23:30 UTC is 00:30 CET",
      "2025-03-29T23:30Z",
      "Europe/Berlin",
      "2025-03-30",
      "2025-W13",
      "2025-03",
    ],
    [
      "Berlin, the day after: 22:30 UTC is 00:30 CEST",
      "2025-03-30T22:30Z",
      "Europe/Berlin",
      "2025-03-31",
      "2025-W14",
      "2025-03",
    ],
    [
      "Berlin, month end: 22:30 UTC on the 31st is 00:30 on 1 April",
      "2025-03-31T22:30Z",
      "Europe/Berlin",
      "2025-04-01",
      "2025-W14",
      "2025-04",
    ],
    [
      "New York, the night DST ends: 04:30 UTC is 00:30 EDT",
      "2025-11-02T04:30Z",
      "America/New_York",
      "2025-11-02",
      "2025-W44",
      "2025-11",
    ],
    [
      "New York, 05:30 UTC the same night is 00:30 EST",
      "2025-11-03T05:30Z",
      "America/New_York",
      "2025-11-03",
      "2025-W45",
      "2025-11",
    ],
    ["ISO week of the year before: Sun 2021-01-03", "2021-01-03T12:00Z", "UTC", "2021-01-03", "2020-W53", "2021-01"],
    ["ISO week of the year after: Mon 2024-12-30", "2024-12-30T12:00Z", "UTC", "2024-12-30", "2025-W01", "2024-12"],
  ])("%s", (_name, when, zone, day, week, month) => {
    const at = Date.parse(when.replace("Z", ":00Z"));
    expect([periodOf(at, zone, "day"), periodOf(at, zone, "week"), periodOf(at, zone, "month")]).toEqual([
      day,
      week,
      month,
    ]);
  });
});

const at = (minutes: number) => ({ at: T0 + minutes * MINUTE });
const resolvedTicket = (ticket: string, ratingCycles: readonly ("positive" | "neutral" | "negative" | null)[]) => {
  const ids = { ticketId: ticket as never };
  const out: TicketCommand[] = [openTicket({}, { ...at(0), ...ids })];
  ratingCycles.forEach((rating, i) => {
    const base = 100 * i;
    if (i > 0) out.push(commandOf("reopen", {}, { ...at(base + 1), ...ids, actor: requester }));
    out.push(commandOf("resolve", { resolution: text("Fixed.") }, { ...at(base + 10), ...ids }));
    if (rating !== null)
      out.push(commandOf("give-feedback", { rating }, { ...at(base + 20), ...ids, actor: requester }));
  });
  return out;
};

describe("CSAT: ratings per resolution cycle", () => {
  it("counts the distribution, the average (positive 1, neutral 0, negative −1) and the response rate", () => {
    const tickets = [
      resolvedTicket("01HQ0000000000000000000001", ["positive"]),
      resolvedTicket("01HQ0000000000000000000002", ["negative", "positive"]),
      resolvedTicket("01HQ0000000000000000000003", [null]),
      resolvedTicket("01HQ0000000000000000000004", ["neutral"]),
    ].map((c) => ({ ...factsOf(c), tenant: "t1" }));
    expect(csatReport(tickets, q)).toEqual([
      {
        period: "2025-03",
        ratings: 4,
        distribution: { positive: 2, neutral: 1, negative: 1 },
        average: 0.25,
        resolutions: 5,
        rated: 4,
        responseRate: 0.8,
      },
    ]);
  });
});

describe("billable time per month, agent and category, with corrections", () => {
  const logged = [
    openTicket({ category: "change-request" }, at(0)),
    commandOf("log-time", { minutes: 45, outOfPlan: true }, at(10)),
    commandOf("log-time", { minutes: 20 }, { ...at(11), actor: { ...agent, id: "agent-2" } }),
  ];
  it("nets a correction into its entry's month and agent, and shows what it took off", () => {
    const entry = fold(historyOf(resumePolicy, logged)).timeEntries[0]!.entry;
    const f = factsOf([
      ...logged,
      commandOf("correct-time", { entry, minutes: -30, reason: text("Double-logged") }, at(12)),
    ]);
    expect(billingReport([{ ...f, tenant: "t1" }], { tenant: "t1" })).toEqual([
      {
        month: "2025-03",
        agent: "agent-1",
        category: "change-request",
        billable: 15,
        unbilled: 0,
        corrected: -30,
        entries: 1,
      },
      {
        month: "2025-03",
        agent: "agent-2",
        category: "change-request",
        billable: 0,
        unbilled: 20,
        corrected: 0,
        entries: 1,
      },
    ]);
  });

  it("buckets entries by the month in the policy's zone", () => {
    const late = [
      openTicket({}, { at: Date.UTC(2025, 2, 31, 22, 0) }),
      commandOf("log-time", { minutes: 30 }, { at: Date.UTC(2025, 2, 31, 22, 30) }),
    ];
    const f = { ...factsOf(late), tenant: "t1" };
    expect(billingReport([f], { tenant: "t1" }).map((r) => r.month)).toEqual(["2025-03"]);
    expect(billingReport([{ ...f, timeZone: "Europe/Berlin" }], { tenant: "t1" }).map((r) => r.month)).toEqual([
      "2025-04",
    ]);
  });
});
