/**
 * Which hours a local date is open, from a weekly calendar definition (docs/design/sla-semantics.md#calendars).
 * Precedence, most specific first:
 * 1. an entry for the exact date: an override with its own intervals, or a one-off holiday;
 * 2. a rule holiday that lands on the date this year (nth weekday, Easter-relative, a date
 *    observed off the weekend) — a date of this year, so it beats the yearly entries;
 * 3. a yearly `MM-DD` entry (override or holiday);
 * 4. the weekly template.
 * The codec refuses a date listed both as holiday and override. Rule holidays are placed once
 * per year, when a year is first compiled, so they cost the operations nothing.
 */
import { civilFromDays, dateKey, monthDayKey, parseIsoDate, parseMonthDay, weekdayOf } from "./civilDate.js";
import type { WeeklyCalendarDef } from "./codec.js";
import { isHolidayRule } from "./holidayCodec.js";
import { ruleHolidaysOfYear } from "./holidayRules.js";
import { toMinuteIntervals, type WallInterval } from "./intervalCodec.js";
import { WEEKDAYS } from "./weekdays.js";

export { WEEKDAYS, type Weekday } from "./weekdays.js";

/** Open minutes of a day, `[from, to)` after local midnight (to ≤ 1440), sorted. */
export type MinuteIntervals = readonly (readonly [number, number])[];

/** The open minutes of the local date with the given day number (days since 1970-01-01). */
export type DayRules = (days: number) => MinuteIntervals;

const CLOSED: MinuteIntervals = [];

export const dayRules = (def: WeeklyCalendarDef): DayRules => {
  const week = WEEKDAYS.map((d) => toMinuteIntervals(def.week[d] ?? []));
  const exact = new Map<number, MinuteIntervals>();
  const yearly = new Map<number, MinuteIntervals>();
  const put = (date: string, hours: MinuteIntervals): void => {
    const full = parseIsoDate(date);
    if (full) exact.set(dateKey(full), hours);
    const md = full ? undefined : parseMonthDay(date);
    if (md) yearly.set(monthDayKey(md), hours);
  };
  const rules = (def.holidays ?? []).filter(isHolidayRule);
  for (const date of def.holidays ?? []) if (!isHolidayRule(date)) put(date, CLOSED);
  for (const [date, intervals] of Object.entries(def.overrides ?? {})) {
    put(date, toMinuteIntervals(intervals as readonly WallInterval[]));
  }
  const ruleDays = new Map<number, ReadonlyMap<number, unknown>>();
  const closedByRule = (year: number, days: number): boolean => {
    if (rules.length === 0) return false;
    let placed = ruleDays.get(year);
    if (placed === undefined) {
      placed = ruleHolidaysOfYear(rules, year);
      ruleDays.set(year, placed);
    }
    return placed.has(days);
  };
  return (days) => {
    const civil = civilFromDays(days);
    const own = exact.get(dateKey(civil));
    if (own !== undefined) return own;
    if (closedByRule(civil.year, days)) return CLOSED;
    return yearly.get(monthDayKey(civil)) ?? week[weekdayOf(days)] ?? CLOSED;
  };
};
