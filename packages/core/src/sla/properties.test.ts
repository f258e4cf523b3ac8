/**
 * Laws of the SLA engine as fast-check properties, on 24×7 and on business calendars in UTC
 * and in zones with DST changes (Europe/Berlin, America/New_York), over random policies and
 * random legal histories (driven through decide, with timers applied along the way).
 */

import { compiledSlaTestPolicy as compiled } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import { MINUTE } from "../shared/duration.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { build, calendarName, caseArb, policyOf, tryApply } from "../timers/sla-histories.test-support.js";
import { createSlaReader, metricStatus, slaStatus, slaStatusAsOf } from "./reader.js";

const states = (t: TicketState, p: CompiledPolicy, now: number) =>
  Object.values(slaStatus(t, p, now)).map((m) => `${m.metric}:${m.state}`);

describe("SLA laws (properties)", () => {
  it("metrics counted in one shared walk get exactly what a walk per metric gives (slaStatus = metricStatus)", () => {
    fc.assert(
      fc.property(caseArb, fc.option(calendarName), ({ shape, start, priority, moves, later }, urgentCalendar) => {
        const p = policyOf(shape, 1, true, urgentCalendar ?? undefined);
        const t = build(p, start, priority, moves);
        const now = (t.lastEventAt ?? start) + later * MINUTE;
        const all = slaStatus(t, p, now);
        for (const m of p.metrics) expect(all[m.name] ?? null).toEqual(metricStatus(t, p, m, now));
      }),
      { numRuns: 200 },
    );
  });

  it("reads the clock log as it reads the histories (a state without a log, spread or from JSON, gives the same statuses)", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, start, priority, moves, later }) => {
        const p = policyOf(shape);
        const t = build(p, start, priority, moves);
        const now = (t.lastEventAt ?? start) + later * MINUTE;
        const spread: TicketState = { ...t };
        const fromJson = JSON.parse(JSON.stringify(t)) as TicketState;
        expect(slaStatus(spread, p, now)).toEqual(slaStatus(t, p, now));
        expect(slaStatus(fromJson, p, now)).toEqual(slaStatus(t, p, now));
      }),
      { numRuns: 200 },
    );
  });

  it("one reader kept for many tickets reads each as a fresh reader does (no scratch leaks between tickets)", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 2, maxLength: 6 }), (cases) => {
        const reader = createSlaReader();
        const read = cases.map(({ shape, start, priority, moves, later }) => {
          const p = policyOf(shape);
          const t = build(p, start, priority, moves);
          return { t, p, now: (t.lastEventAt ?? start) + later * MINUTE };
        });
        const kept = read.map(({ t, p, now }) => reader.status(t, p, now));
        // Read again in reverse order with the same reader: what the last ticket left is never read.
        const again = [...read].reverse().map(({ t, p, now }) => reader.status(t, p, now));
        read.forEach(({ t, p, now }, i) => {
          expect(kept[i]).toEqual(slaStatus(t, p, now));
          expect(again[read.length - 1 - i]).toEqual(kept[i]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("as-of: the statuses as the ticket stood at an instant are those of the events up to it, read then", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 1000 }), ({ shape, start, priority, moves }, cut) => {
        const p = policyOf(shape);
        const events: TicketEvent[] = [];
        const t = build(p, start, priority, moves, events);
        const last = t.lastEventAt ?? start;
        const at = start + Math.floor(((last - start) * cut) / 1000);
        const then = fold(events.filter((e) => e.at <= at));
        expect(slaStatusAsOf(t, p, at)).toEqual(slaStatus(then, p, at));
        // Read at the end, an as-of reading is the plain one.
        expect(slaStatusAsOf(t, p, last)).toEqual(slaStatus(t, p, last));
      }),
      { numRuns: 200 },
    );
  });

  it("stopOn with a list stops at the earliest stop of its events", () => {
    const events = ["public-reply", "accepted", "awaiting-customer", "plan-shared", "resolved"] as const;
    fc.assert(
      fc.property(
        caseArb,
        fc.subarray([...events], { minLength: 2 }),
        ({ shape, start, priority, moves, later }, list) => {
          const t = build(policyOf(shape), start, priority, moves);
          const now = (t.lastEventAt ?? start) + later * MINUTE;
          const stoppedAt = (stopOn: readonly string[]) => {
            const p = compiled({
              metrics: { response: { targets: { urgent: "1h", high: "2h", normal: "3h" }, stopOn } },
            });
            return slaStatus(t, p, now).response?.stoppedAt ?? null;
          };
          const each = list.map((e) => stoppedAt([e])).filter((x): x is number => x !== null);
          expect(stoppedAt(list)).toBe(each.length === 0 ? null : Math.min(...each));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a longer target never gives an earlier deadline", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 4 }), ({ shape, start, priority, moves, later }, k) => {
        const short = policyOf(shape);
        const long = policyOf(shape, 1 + k / 2);
        const t = build(
          short,
          start,
          priority,
          moves.filter(([, a]) => a !== "tick"),
        );
        const now = (t.lastEventAt ?? start) + later * MINUTE;
        const a = slaStatus(t, short, now);
        const b = slaStatus(t, long, now);
        for (const m of Object.values(a)) expect(b[m.metric]!.deadline).toBeGreaterThanOrEqual(m.deadline);
      }),
      { numRuns: 150 },
    );
  });

  it("a pause never makes a deadline earlier", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, start, priority, moves, later }) => {
        const pausing = policyOf(shape, 1, true);
        const counting = policyOf(shape, 1, false);
        const t = build(
          pausing,
          start,
          priority,
          moves.filter(([, a]) => a !== "tick"),
        );
        const now = (t.lastEventAt ?? start) + later * MINUTE;
        const a = slaStatus(t, pausing, now).resolution;
        const b = slaStatus(t, counting, now).resolution;
        if (a && b) expect(a.deadline).toBeGreaterThanOrEqual(b.deadline);
      }),
      { numRuns: 150 },
    );
  });

  it("due is idempotent: applying it and asking again at the same now yields nothing", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, start, priority, moves, later }) => {
        const p = policyOf(shape);
        let t = build(p, start, priority, moves);
        const now = (t.lastEventAt ?? start) + later * MINUTE;
        for (const c of due(t, p, now)) {
          const d = decide(c, t, p.policy);
          expect(E.isRight(d)).toBe(true);
          if (E.isRight(d)) t = fold(d.right, t);
        }
        expect(due(t, p, now)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("nextWakeUp is exact: nothing changes before it, something is due at it (followed through 8 wake-ups)", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
    fc.assert(
      fc.property(
        caseArb,
        fc.array(unit, { minLength: 1, maxLength: 3 }),
        ({ shape, start, priority, moves, later }, samples) => {
          const p = policyOf(shape);
          let t = build(p, start, priority, moves);
          let last = t.lastEventAt ?? start;
          for (let round = 0; round < 8; round++) {
            const wake = nextWakeUp(t, p);
            if (wake === null) {
              expect(due(t, p, last + later * MINUTE)).toEqual([]);
              return;
            }
            const before = states(t, p, last);
            // Random instants, and the last millisecond before the wake-up.
            for (const s of [...samples.map((f) => last + Math.floor(f * (wake - last))), wake - 1]) {
              if (s < last || s >= wake) continue;
              expect(due(t, p, s)).toEqual([]);
              expect(states(t, p, s)).toEqual(before);
            }
            const now = Math.max(wake, last);
            const commands = due(t, p, now);
            expect(commands.length).toBeGreaterThan(0);
            for (const c of commands) t = tryApply(t, p, c);
            last = now;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
