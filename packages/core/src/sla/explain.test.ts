/**
 * explainSla against the engine: on random policies and random ticket lives (the test kit's
 * arbitraries, run through the engine with its timers), the explanation's counted periods sum
 * to the status's elapsed time, the deadline read off its periods is the status's deadline,
 * and its periods tile the clock's timeline without gaps or overlaps.
 */
import { slaPolicyArb, ticketLifeArb } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCalendar } from "../calendar/compile.js";
import { openIntervals } from "../calendar/openIntervals.js";
import { DAY, HOUR, MINUTE } from "../shared/duration.js";
import { explainSla } from "./explain.js";
import { slaStatus } from "./reader.js";

const lives = slaPolicyArb().chain((policy) =>
  fc.tuple(ticketLifeArb(policy, { maxMoves: 8 }), fc.integer({ min: 0, max: 10 * DAY })),
);

describe("explainSla agrees with slaStatus", () => {
  it("counted periods sum to elapsed; the periods' deadline is the status's; the periods tile the timeline", () => {
    fc.assert(
      fc.property(lives, ([run, later]) => {
        const now = (run.state.lastEventAt ?? 0) + later;
        const status = slaStatus(run.state, run.compiled, now);
        for (const metric of run.compiled.metrics) {
          const s = status[metric.name];
          const e = explainSla(run.state, run.compiled, metric.name, now);
          if (s === undefined) {
            expect(e).toBeNull();
            continue;
          }
          if (e === null) throw new Error(`no explanation for ${metric.name}`);
          expect(e.elapsed).toBe(s.elapsed);
          expect(e.deadline).toBe(s.deadline);
          expect([e.state, e.priority, e.target, e.startedAt, e.calendar.id]).toEqual([
            s.state,
            s.priority,
            s.target,
            s.startedAt,
            s.calendar.id,
          ]);
          // The periods tile [start, …) in order; counted time is their length, and the
          // budget (actual and projected) reaches the target unless the clock breached.
          let at = e.startedAt;
          for (const p of e.periods) {
            expect(p.from).toBe(at);
            expect(p.to).toBeGreaterThan(p.from);
            expect(p.counted).toBe(p.kind === "counted" ? p.to - p.from : 0);
            at = p.to;
          }
          const budget = e.periods.reduce((sum, p) => sum + p.counted, 0);
          if (s.state !== "breached") expect(budget).toBe(s.target);
          expect(JSON.parse(JSON.stringify(e))).toEqual(e);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("openIntervals", () => {
  const berlin = compileCalendar({
    id: "b",
    version: 1,
    timeZone: "Europe/Berlin",
    week: {
      mon: [
        ["08:00", "12:00"],
        ["12:00", "13:00"],
        ["14:00", "18:00"],
      ],
      fri: [["09:00", "17:00"]],
    },
    holidays: ["2025-03-31"],
  });

  it("are the calendar's open runs, touching ones joined, holidays left out", () => {
    const from = Date.UTC(2025, 2, 28, 0, 0);
    expect(
      openIntervals(berlin, from, from + 11 * DAY).map(([a, b]) => [new Date(a).toISOString(), (b - a) / HOUR]),
    ).toEqual([
      ["2025-03-28T08:00:00.000Z", 8],
      ["2025-04-04T07:00:00.000Z", 8],
      ["2025-04-07T06:00:00.000Z", 5],
      ["2025-04-07T12:00:00.000Z", 4],
    ]);
  });

  it("their lengths sum to the counted time between the ends", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 0, max: 20 * DAY }),
        (from, length) => {
          const to = from + length;
          const runs = openIntervals(berlin, from, to);
          expect(runs.reduce((sum, [a, b]) => sum + (b - a), 0)).toBe(berlin.between(from, to));
          // A run cut at `to` may be shorter than a minute (to = 12:00:00.001 after lunch): its last
          // open minute starts at `a`, not a minute before `b`.
          for (const [a, b] of runs)
            expect([berlin.isOpen(a), berlin.isOpen(Math.max(a, b - MINUTE))]).toEqual([true, true]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
