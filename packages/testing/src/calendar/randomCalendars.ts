/**
 * fast-check arbitraries for the calendar laws: random weekly calendars (quarter-hour
 * intervals, `24:00` ends, holidays, holiday rules and overrides near the instant under test) in zones with
 * every kind of DST (Europe/Berlin, America/New_York, Australia/Sydney — southern —,
 * America/Sao_Paulo — changes at midnight until 2019 —, UTC), and minute-aligned instants
 * that often sit right next to an offset change. A case carries its definition, the instant
 * and the open minutes of its week, so durations stay in the reach of the minute oracle.
 */
import type { WallInterval, WeeklyCalendarDef } from "@ticketfold/core";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { ruleFrom, ruleSeed } from "./randomHolidayRules.js";
import { zoneTransitions } from "./zoneTransitions.js";

/** The zones of `calendarCaseArb`: every kind of DST, and none. */
export const CALENDAR_ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "America/Sao_Paulo",
  "UTC",
] as const;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MIN = 60_000;
const DAY = 86_400_000;

/** Offset changes of a zone in 2016–2026 (or a few plain dates for UTC). */
const transitionsOf = (zone: string): readonly number[] => {
  const out = zoneTransitions(zone, 2016, 2026);
  return out.length > 0 ? out : [Date.UTC(2016, 2, 27), Date.UTC(2020, 11, 31, 23), Date.UTC(2024, 1, 29)];
};
const TRANSITIONS = new Map(CALENDAR_ZONES.map((z) => [z, transitionsOf(z)]));

const hhmm = (quarters: number): string =>
  `${String(Math.floor(quarters / 4)).padStart(2, "0")}:${String((quarters % 4) * 15).padStart(2, "0")}`;

/** Sorted, disjoint intervals on a quarter-hour grid (0–96 quarters, 96 = 24:00): lunch breaks and split shifts. */
export const dayHoursArb: fc.Arbitrary<WallInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((qs) => {
    const sorted = [...qs].sort((a, b) => a - b);
    const out: WallInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
    return out;
  });

const plainDate = (zone: string, t: number, shiftDays: number): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).toPlainDate().add({ days: shiftDays });
const localDate = (zone: string, t: number, shiftDays: number): string => plainDate(zone, t, shiftDays).toString();

/** A random calendar and an instant to test it at. */
export interface CalendarCase {
  readonly def: WeeklyCalendarDef;
  /** A minute-aligned instant to start from. */
  readonly t: number;
  /** Open minutes per week of the template (wall time), to keep durations in reach. */
  readonly weeklyMinutes: number;
}

/** A weekly calendar around an instant, often right next to one of its zone's offset changes. */
export const calendarCaseArb: fc.Arbitrary<CalendarCase> = fc
  .record({
    zone: fc.constantFrom(...CALENDAR_ZONES),
    pick: fc.nat(),
    nearChange: fc.boolean(),
    shift: fc.oneof(
      fc.integer({ min: -4320, max: 4320 }),
      fc.integer({ min: -288, max: 288 }).map((q) => q * 15),
    ),
    week: fc.array(fc.oneof(dayHoursArb, fc.constant<WallInterval[]>([])), { minLength: 7, maxLength: 7 }),
    holidays: fc.array(fc.record({ day: fc.integer({ min: -15, max: 40 }), yearly: fc.boolean() }), { maxLength: 3 }),
    overrides: fc.array(
      fc.record({ day: fc.integer({ min: -15, max: 40 }), yearly: fc.boolean(), hours: dayHoursArb }),
      {
        maxLength: 2,
      },
    ),
    rules: fc.array(ruleSeed, { maxLength: 3 }),
  })
  .map(({ zone, pick, nearChange, shift, week, holidays, overrides, rules }) => {
    const changes = TRANSITIONS.get(zone)!;
    const base = nearChange ? changes[pick % changes.length]! : Date.UTC(2016, 0, 1) + (pick % (10 * 365)) * DAY;
    const t = Math.floor(base / MIN) * MIN + shift * MIN;
    const date = (day: number, yearly: boolean) => {
      const d = localDate(zone, t, day);
      return yearly ? d.slice(5) : d;
    };
    const overrideMap: Record<string, WallInterval[]> = {};
    for (const o of overrides) overrideMap[date(o.day, o.yearly)] = o.hours;
    const holidayList = holidays.map((h) => date(h.day, h.yearly)).filter((d) => overrideMap[d] === undefined);
    // A dated rule may not name an override's date either (the codec refuses both).
    const ruleList = rules
      .map((seed) => ruleFrom(seed, plainDate(zone, t, seed.day)))
      .filter((r) => !("date" in r) || overrideMap[r.date] === undefined);
    const template: Record<string, WallInterval[]> = {};
    DAYS.forEach((d, i) => {
      if ((week[i] ?? []).length > 0) template[d] = week[i]!;
    });
    if (Object.keys(template).length === 0) template.wed = [["09:00", "17:00"]];
    const weeklyMinutes = Object.values(template)
      .flat()
      .reduce((sum, [s, e]) => sum + toMinutes(e) - toMinutes(s), 0);
    const def: WeeklyCalendarDef = {
      id: "random",
      version: 1,
      timeZone: zone,
      week: template,
      holidays: [...holidayList, ...ruleList],
      overrides: overrideMap,
    };
    return { def, t, weeklyMinutes };
  });

const toMinutes = (s: string): number => {
  const [h, m] = s.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** A minute-aligned duration of counted time, up to one template week of open time. */
export const calendarDurationArb = (c: CalendarCase): fc.Arbitrary<number> =>
  fc
    .oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: c.weeklyMinutes }),
      fc.integer({ min: 1, max: Math.max(1, Math.floor(c.weeklyMinutes / 15)) }).map((q) => q * 15),
    )
    .map((m) => m * MIN);

/** The oracle's window around a case: wide enough for a week of open time plus closures. */
export const oracleWindowOf = (c: CalendarCase): readonly [number, number] => [c.t - 75 * DAY, c.t + 75 * DAY];
