/**
 * The calendar laws (docs/design/sla-semantics.md#calendars) as ready-made properties for one calendar — yours:
 * counted time is consistent (`between(t, add(t, d)) = d`, `add` is associative and monotonic,
 * `between` is additive, `subtract` inverts `add`, a deadline lies in open time) and every
 * operation agrees with the minute oracle, a slow reading of the definition that shares no code
 * with the core. Instants are drawn near the calendar's edges: its zone's offset changes, its
 * intervals' openings and closings, local midnight.
 */
import {
  type BusinessCalendar,
  type CalendarDef,
  compileCalendar,
  type Duration,
  type Instant,
  MINUTE,
} from "@ticketfold/core";
import fc from "fast-check";
import { instantNearEdgesArb } from "../calendar/edges.js";
import { minuteOracle } from "../calendar/minuteOracle.js";
import { showDuration, showInstant } from "../time/display.js";
import { checkLaws, type Law, type LawReport, type LawRunOptions, lawBroken } from "./law.js";

export const CALENDAR_LAW_IDS = [
  "between-add",
  "add-associative",
  "between-additive",
  "add-monotonic",
  "add-lands-open",
  "subtract-inverts-add",
  "oracle-open",
  "oracle-add-subtract",
  "oracle-between",
] as const;
export type CalendarLawId = (typeof CALENDAR_LAW_IDS)[number];

export interface CalendarLawOptions extends LawRunOptions {
  /** Instants are drawn in `[from, to]` (default 2020-01-01 … 2030-01-01). */
  readonly from?: Instant;
  readonly to?: Instant;
  /** The implementation under test (default: the core's `compileCalendar`). */
  readonly implementation?: (calendar: CalendarDef) => BusinessCalendar;
  /** Laws not to run, each with the reason. */
  readonly skip?: Partial<Record<CalendarLawId, string>>;
}

interface CalendarCase {
  readonly t: Instant;
  readonly d: Duration;
  readonly e: Duration;
  readonly shift: Duration;
}

const DAY = 24 * 60 * MINUTE;

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** Open minutes in a week of the template (what a duration may reach without leaving the oracle's window). */
const weeklyMinutes = (calendar: CalendarDef): number =>
  calendar.kind === "24x7"
    ? 7 * 24 * 60
    : Object.values(calendar.week)
        .flatMap((day) => day ?? [])
        .reduce((sum, [s, e]) => sum + toMinutes(e) - toMinutes(s), 0);

/** The calendar laws for `calendar` (see the module note), each runnable alone. */
export const calendarLaws = (calendar: CalendarDef, options: CalendarLawOptions = {}): Law<CalendarCase>[] => {
  const cal = (options.implementation ?? compileCalendar)(calendar);
  const zone = calendar.kind === "24x7" ? "UTC" : calendar.timeZone;
  const from = options.from ?? Date.UTC(2020, 0, 1);
  const to = options.to ?? Date.UTC(2030, 0, 1);
  const week = Math.max(1, weeklyMinutes(calendar));
  const durationArb = fc
    .oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: week }),
      fc.integer({ min: 1, max: Math.max(1, Math.floor(week / 15)) }).map((q) => q * 15),
    )
    .map((m) => m * MINUTE);
  const at = (t: Instant) => showInstant(t, zone);
  const dur = showDuration;
  const caseArb: fc.Arbitrary<CalendarCase> = fc
    .record({
      t: instantNearEdgesArb(calendar, { from, to, minuteAligned: true }),
      d: durationArb,
      e: durationArb,
      shift: fc.integer({ min: -1440, max: 1440 }).map((m) => m * MINUTE),
    })
    .map((c) =>
      Object.defineProperty(c, fc.toStringMethod, {
        value: () => `{ t: ${at(c.t)}, d: ${dur(c.d)}, e: ${dur(c.e)}, shift: ${dur(c.shift)} }`,
      }),
    );
  const oracleAround = (t: Instant) => minuteOracle(calendar, t - 75 * DAY, t + 75 * DAY);
  const same = (actual: number, expected: number, what: string, show: (n: number) => string) => {
    if (actual !== expected) throw lawBroken(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  };
  const law = (id: CalendarLawId, name: string, holds: (c: CalendarCase) => void): Law<CalendarCase> => ({
    id,
    name,
    arbitrary: caseArb,
    holds,
    ...(options.skip?.[id] === undefined ? {} : { skip: options.skip[id] }),
  });
  return [
    law("between-add", "between(t, add(t, d)) = d", ({ t, d }) => {
      const r = cal.add(t, d);
      same(cal.between(t, r), d, `between(${at(t)}, add(t, ${dur(d)}) = ${at(r)})`, dur);
    }),
    law("add-associative", "add(add(t, a), b) = add(t, a + b)", ({ t, d, e }) => {
      same(cal.add(cal.add(t, d), e), cal.add(t, d + e), `add(add(${at(t)}, ${dur(d)}), ${dur(e)})`, at);
    }),
    law(
      "between-additive",
      "between(a, c) = between(a, b) + between(b, c), and between(c, a) = -between(a, c)",
      ({ t, d, shift }) => {
        const [a, b, c] = [t, t + Math.abs(shift), t + Math.abs(shift) + d];
        same(
          cal.between(a, c),
          cal.between(a, b) + cal.between(b, c),
          `between(${at(a)}, ${at(c)}) through ${at(b)}`,
          dur,
        );
        same(cal.between(c, a), -cal.between(a, c), `between(${at(c)}, ${at(a)})`, dur);
      },
    ),
    law("add-monotonic", "add is monotonic in the instant and in the duration", ({ t, d, e, shift }) => {
      const [t1, t2] = shift < 0 ? [t + shift, t] : [t, t + shift];
      if (cal.add(t1, d) > cal.add(t2, d))
        throw lawBroken(
          `add(${at(t1)}, ${dur(d)}) = ${at(cal.add(t1, d))} is after add(${at(t2)}, ${dur(d)}) = ${at(cal.add(t2, d))}`,
        );
      const [lo, hi] = [Math.min(d, e), Math.max(d, e)];
      if (cal.add(t, lo) > cal.add(t, hi))
        throw lawBroken(
          `add(${at(t)}, ${dur(lo)}) = ${at(cal.add(t, lo))} is after add(t, ${dur(hi)}) = ${at(cal.add(t, hi))}`,
        );
    }),
    law("add-lands-open", "add(t, d > 0) lies inside or at the end of an open interval", ({ t, d }) => {
      if (d === 0) return;
      const r = cal.add(t, d);
      if (r <= t) throw lawBroken(`add(${at(t)}, ${dur(d)}) = ${at(r)} is not after t`);
      if (!cal.isOpen(r - 1))
        throw lawBroken(`add(${at(t)}, ${dur(d)}) = ${at(r)}, but the millisecond before it is closed`);
    }),
    law("subtract-inverts-add", "subtract(add(t, d), d) = nextOpen(t), add(subtract(u, e), e) = u", ({ t, d, e }) => {
      if (d === 0) return;
      const u = cal.add(t, d);
      same(cal.subtract(u, d), cal.nextOpen(t), `subtract(add(${at(t)}, ${dur(d)}) = ${at(u)}, ${dur(d)})`, at);
      same(cal.add(cal.subtract(u, e), e), u, `add(subtract(${at(u)}, ${dur(e)}), ${dur(e)})`, at);
      same(cal.between(cal.subtract(t, e), t), e, `between(subtract(${at(t)}, ${dur(e)}), t)`, dur);
    }),
    law("oracle-open", "isOpen and nextOpen agree with the minute oracle", ({ t, shift }) => {
      const oracle = oracleAround(t);
      for (const u of [t, t + shift, t - MINUTE, t + MINUTE]) {
        if (cal.isOpen(u) !== oracle.isOpen(u))
          throw lawBroken(`isOpen(${at(u)}) = ${cal.isOpen(u)}, the oracle says ${oracle.isOpen(u)}`);
        same(cal.nextOpen(u), oracle.nextOpen(u), `nextOpen(${at(u)})`, at);
      }
    }),
    law("oracle-add-subtract", "add and subtract agree with the minute oracle", ({ t, d, e }) => {
      const oracle = oracleAround(t);
      same(cal.add(t, d), oracle.add(t, d), `add(${at(t)}, ${dur(d)})`, at);
      same(cal.subtract(t, e), oracle.subtract(t, e), `subtract(${at(t)}, ${dur(e)})`, at);
      same(cal.add(t, -e), oracle.subtract(t, e), `add(${at(t)}, -${dur(e)})`, at);
    }),
    law("oracle-between", "between agrees with the minute oracle", ({ t, d, shift }) => {
      const oracle = oracleAround(t);
      const b = t + shift + d;
      same(cal.between(t, b), oracle.between(t, b), `between(${at(t)}, ${at(b)})`, dur);
      same(cal.between(b, t), oracle.between(b, t), `between(${at(b)}, ${at(t)})`, dur);
    }),
  ];
};

/** Runs the calendar laws on `calendar`; throws `LawsFailed`, naming each failing law and its case, when any fails. */
export const checkCalendarLaws = (calendar: CalendarDef, options: CalendarLawOptions = {}): LawReport =>
  checkLaws(`calendar ${calendar.id}`, calendarLaws(calendar, options), options);
