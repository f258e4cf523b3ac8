/**
 * Laws of the reports as fast-check properties: a report's duration for each metric and cycle
 * is the SLA's own elapsed counted time at the stop (read independently, by `slaStatus` on
 * every prefix of the ticket's history), `met` ⇔ that duration is under the target (the SLA
 * counts a stop at the deadline as a breach: sla/status.ts), and the report's rows are exactly
 * the outcomes bucketed by the civil period of their stop; periods agree with Temporal's own
 * zoned dates (DST included).
 */

import { ticketEvents, ticketPlanArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { slaStatus } from "../sla/reader.js";
import { fold } from "../ticket/evolve.js";
import { summariseDurations } from "./durations.js";
import { periodOf } from "./report-periods.js";
import { slaReport } from "./sla-report.js";
import { type TicketFacts, ticketFacts } from "./ticket-facts.js";

interface Reading {
  readonly elapsed: number;
  readonly target: number;
  readonly stoppedAt: number;
  readonly outcome: "met" | "breached";
}

/** The latest stopped reading of each metric cycle, over every prefix of the history. */
const stoppedReadings = (events: ReturnType<typeof ticketEvents>): Map<string, Reading> => {
  const readings = new Map<string, Reading>();
  for (let k = 1; k <= events.length; k++) {
    const state = fold(events.slice(0, k));
    const policy = workloadPolicies(state.policyId ?? "");
    if (policy === undefined) continue;
    for (const s of Object.values(slaStatus(state, policy, events[k - 1]!.at))) {
      if (s === undefined || s.stoppedAt === null) continue;
      readings.set(`${s.metric}/${s.cycle}`, {
        elapsed: s.elapsed,
        target: s.target,
        stoppedAt: s.stoppedAt,
        outcome: s.state === "met" ? "met" : "breached",
      });
    }
  }
  return readings;
};

describe("reports agree with the SLA", () => {
  it("each reported duration is the SLA's counted time at the stop, and met ⇔ duration < target", () => {
    fc.assert(
      fc.property(ticketPlanArb, (plan) => {
        const events = ticketEvents(0, plan);
        const state = fold(events);
        const facts = ticketFacts(state, workloadPolicies(state.policyId ?? "")!);
        if (facts === null) return;
        const readings = stoppedReadings(events);
        for (const o of facts.outcomes) {
          const r = readings.get(`${o.metric}/${o.cycle}`);
          expect(r, `${o.metric} cycle ${o.cycle}`).toEqual({
            elapsed: o.elapsed,
            target: o.target,
            stoppedAt: o.stoppedAt,
            outcome: o.outcome,
          });
          expect(o.outcome === "met").toBe(o.elapsed < o.target);
          if (o.outcome === "breached") expect(o.breachedAt).not.toBeNull();
        }
        const latest = (metric: string) => facts.outcomes.filter((o) => o.metric === metric).at(-1)?.elapsed ?? null;
        expect(facts.responseTime).toBe(latest("response"));
        expect(facts.resolutionTime).toBe(latest("resolution"));
      }),
      { numRuns: 150 },
    );
  });

  it("report rows are the outcomes bucketed by period, with their counts and percentiles", () => {
    fc.assert(
      fc.property(
        fc.array(ticketPlanArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("day" as const, "week" as const, "month" as const),
        (plans, period) => {
          const all = plans
            .map((p, i) => {
              const state = fold(ticketEvents(i, p));
              return ticketFacts(state, workloadPolicies(state.policyId ?? "")!);
            })
            .filter((f): f is TicketFacts => f !== null && f.tenant === "t1");
          const report = slaReport(all, { tenant: "t1", period });
          const outcomes = all.flatMap((f) => f.outcomes.map((o) => ({ o, f })));
          let rows = 0;
          for (const row of report.rows) {
            const mine = outcomes.filter(
              ({ o, f }) => o.metric === row.metric && periodOf(o.stoppedAt, f.timeZone, period) === row.period,
            );
            expect(row.met).toBe(mine.filter(({ o }) => o.outcome === "met").length);
            expect(row.breached).toBe(mine.filter(({ o }) => o.outcome === "breached").length);
            expect(row.durations).toEqual(summariseDurations(mine.map(({ o }) => o.elapsed).sort((a, b) => a - b)));
            rows += mine.length;
          }
          expect(rows).toBe(outcomes.length);
          expect(report.breached.length).toBe(outcomes.filter(({ o }) => o.outcome === "breached").length);
          for (const b of report.breached) expect(b.over).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("periods in a time zone", () => {
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe"];
  it("day, ISO week and month are Temporal's zoned date of the instant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (at, zone) => {
          const date = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
          const week = `${String(date.yearOfWeek).padStart(4, "0")}-W${String(date.weekOfYear).padStart(2, "0")}`;
          expect(periodOf(at, zone, "day")).toBe(date.toString());
          expect(periodOf(at, zone, "week")).toBe(week);
          expect(periodOf(at, zone, "month")).toBe(date.toPlainYearMonth().toString());
        },
      ),
      { numRuns: 500 },
    );
  });
});
