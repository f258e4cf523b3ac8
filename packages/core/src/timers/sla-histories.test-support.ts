/**
 * Random SLA policies and legal ticket histories for the SLA laws (sla/properties.test.ts) and the
 * live SLA index's law (projections/sla-index.test.ts): 24×7 and business calendars in UTC and
 * in zones with DST changes (Europe/Berlin, America/New_York), histories driven through decide
 * with timers applied along the way.
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
import { decide } from "../decide/decide.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import { MINUTE } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { due } from "./due.js";

export const CALENDARS = {
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
export const calendarName = fc.constantFrom("24x7", "utc", "berlin", "newYork");
export const minutes = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((m) => `${m}m`);

export interface Shape {
  readonly calendar: string;
  readonly targets: readonly [string, string, string];
  readonly retarget: "keep-start" | "restart";
  readonly reopen: "resume" | "restart";
}
export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  calendar: calendarName,
  targets: fc.tuple(minutes(15, 600), minutes(60, 2400), minutes(120, 6000)),
  retarget: fc.constantFrom("keep-start", "restart"),
  reopen: fc.constantFrom("resume", "restart"),
});

/** `urgentCalendar`: the urgent target counts on its own calendar (calendar per target). */
export const policyOf = (s: Shape, scale = 1, pauseResolution = true, urgentCalendar?: string): CompiledPolicy => {
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

export const ACTIONS = [
  "accept",
  "reply",
  "comment",
  "await",
  "plan",
  "resolve",
  "reopen",
  "priority",
  "tick",
] as const;
export type Move = readonly [gap: number, action: (typeof ACTIONS)[number], priority: string];
export const movesArb = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom(...ACTIONS), fc.constantFrom("urgent", "high", "normal")),
  { maxLength: 12 },
);
/** Instants from March to November 2024: both DST changes of both zones fall inside. */
export const startArb = fc
  .integer({ min: at("2024-03-01T00:00"), max: at("2024-11-30T00:00") })
  .map((ms) => ms - (ms % MINUTE));

/** Every event decided along the way, when `log` is given. */
export const tryApply = (s: TicketState, p: CompiledPolicy, c: TicketCommand, log?: TicketEvent[]): TicketState => {
  const d = decide(c, s, p.policy);
  if (E.isLeft(d)) return s;
  log?.push(...d.right);
  return fold(d.right, s);
};

/** A legal history: refused moves are skipped; `tick` applies the timers due then. */
export const build = (
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

export const caseArb = fc.record({
  shape: shapeArb,
  start: startArb,
  priority: fc.constantFrom("urgent", "high", "normal"),
  moves: movesArb,
  later: fc.integer({ min: 0, max: 20_000 }),
});
