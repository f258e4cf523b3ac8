/**
 * Laws of the SLA engine as fast-check properties, on 24×7 and on business calendars in UTC
 * and in zones with DST changes (Europe/Berlin, America/New_York), over random policies and
 * random legal histories (driven through decide, with timers applied along the way).
 */

import {
  instant as at,
  calendarDef,
  commandFromStep as command,
  compiledSlaTestPolicy as compiled,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import { MINUTE } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { createSlaReader, metricStatus, slaStatus, slaStatusAsOf } from "./reader.js";

const CALENDARS = {
  utc: calendarDef("utc", weekdays([["09:00", "17:00"]])),
  berlin: calendarDef(
    "berlin",
    weekdays([
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ]),
    { timeZone: "Europe/Berlin" },
  ),
  newYork: calendarDef(
    "newYork",
    { ...weekdays([["07:00", "19:00"]]), sat: [["10:00", "14:00"]] },
    { timeZone: "America/New_York", holidays: ["11-28"] },
  ),
};
const calendarName = fc.constantFrom("24x7", "utc", "berlin", "newYork");
const minutes = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((m) => `${m}m`);

interface Shape {
  readonly calendar: string;
  readonly targets: readonly [string, string, string];
  readonly retarget: "keep-start" | "restart";
  readonly reopen: "resume" | "restart";
}
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  calendar: calendarName,
  targets: fc.tuple(minutes(15, 600), minutes(60, 2400), minutes(120, 6000)),
  retarget: fc.constantFrom("keep-start", "restart"),
  reopen: fc.constantFrom("resume", "restart"),
});

/** `urgentCalendar`: the urgent target counts on its own calendar (calendar per target). */
const policyOf = (s: Shape, scale = 1, pauseResolution = true, urgentCalendar?: string): CompiledPolicy => {
  const [u, h, n] = s.targets.map((x) => `${Math.round(Number.parseInt(x, 10) * scale)}m`);
  const targets = {
    urgent: urgentCalendar === undefined ? u : { within: u, calendar: urgentCalendar },
    high: h,
    normal: n,
  };
  return compiled(
    {
      retarget: s.retarget,
      reopen: s.reopen,
      metrics: {
        response: { targets, calendar: s.calendar },
        plan: { targets, calendar: s.calendar },
        resolution: { targets, calendar: s.calendar, ...(pauseResolution ? {} : { pauseWhile: [] }) },
        "next-reply": { targets, calendar: s.calendar },
      },
      warnings: [{ percent: 75 }, { beforeDeadline: "10m" }],
      ladder: [
        { metric: "response", multiple: 1, level: 1, roles: ["lead"] },
        { metric: "resolution", multiple: 0.5, level: 1, roles: ["lead"] },
        { metric: "resolution", afterDeadline: "1h", level: 2, roles: ["manager"] },
      ],
      timers: {
        autoCloseResolved: { after: "2d" },
        autoCloseAwaitingCustomer: { after: "5d" },
        downgradeOnSilence: [{ from: ["urgent"], to: "high", after: "3h" }],
      },
    },
    { calendars: CALENDARS },
  );
};

const ACTIONS = ["accept", "reply", "comment", "await", "plan", "resolve", "reopen", "priority", "tick"] as const;
type Move = readonly [gap: number, action: (typeof ACTIONS)[number], priority: string];
const movesArb = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom(...ACTIONS), fc.constantFrom("urgent", "high", "normal")),
  { maxLength: 12 },
);
/** Instants from March to November 2024: both DST changes of both zones fall inside. */
const startArb = fc
  .integer({ min: at("2024-03-01T00:00"), max: at("2024-11-30T00:00") })
  .map((ms) => ms - (ms % MINUTE));

/** Every event decided along the way, when `log` is given. */
const tryApply = (s: TicketState, p: CompiledPolicy, c: TicketCommand, log?: TicketEvent[]): TicketState => {
  const d = decide(c, s, p.policy);
  if (E.isLeft(d)) return s;
  log?.push(...d.right);
  return fold(d.right, s);
};

/** A legal history: refused moves are skipped; `tick` applies the timers due then. */
const build = (
  p: CompiledPolicy,
  start: number,
  priority: string,
  moves: readonly Move[],
  log?: TicketEvent[],
): TicketState => {
  let s = tryApply(initialState, p, command(start, "open", priority), log);
  let now = start;
  for (const [gap, action, prio] of moves) {
    now += gap * MINUTE;
    if (action === "tick") for (const c of due(s, p, now)) s = tryApply(s, p, c, log);
    else s = tryApply(s, p, command(now, action, prio), log);
  }
  return s;
};

const caseArb = fc.record({
  shape: shapeArb,
  start: startArb,
  priority: fc.constantFrom("urgent", "high", "normal"),
  moves: movesArb,
  later: fc.integer({ min: 0, max: 20_000 }),
});

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
