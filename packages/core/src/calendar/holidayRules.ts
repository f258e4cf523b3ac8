/**
 * Where a holiday rule falls in a given year (docs/design/sla-semantics.md#calendars — rule-based holidays).
 * A rule names one day of each year it holds: the nth weekday of a month (plus an offset),
 * a day relative to Easter, or a fixed date moved off the weekend when observed. The holiday
 * of year Y can land in another calendar year — New Year's Day 2028 is a Saturday, observed
 * on Friday 2027-12-31 — so the holidays of a calendar year gather the rules of Y-1, Y and
 * Y+1. `from`/`until` bound the rule's own year (2028 here), not the year it lands in.
 */
import { daysFromCivil, daysInMonth, parseIsoDate, parseMonthDay, weekdayOf } from "./civilDate.js";
import { easterSunday } from "./easter.js";
import type { HolidayRule, ObservedRule } from "./holidayCodec.js";
import { WEEKDAYS } from "./weekdays.js";

/** Days to move a date falling on `[Saturday, Sunday]`; observed holidays move, they do not double. */
const WEEKEND_SHIFT: Record<ObservedRule, readonly [number, number]> = {
  "us-federal": [-1, 1],
  "nearest-weekday": [-1, 1],
  "next-monday": [2, 1],
};

/** The day an observed holiday is kept on: weekdays stay, Saturday and Sunday move. */
export const observedDay = (days: number, rule: ObservedRule): number => {
  const weekday = weekdayOf(days);
  const [saturday, sunday] = WEEKEND_SHIFT[rule];
  return weekday === 5 ? days + saturday : weekday === 6 ? days + sunday : days;
};

/** The nth (1 … 4) or nth-from-last (-1 … -4) `weekday` (0 = Monday) of a month, as a day number. */
export const nthWeekday = (year: number, month: number, weekday: number, nth: number): number => {
  if (nth > 0) {
    const first = daysFromCivil(year, month, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
  }
  const last = daysFromCivil(year, month, daysInMonth(month, year));
  return last - ((weekdayOf(last) - weekday + 7) % 7) - 7 * (-nth - 1);
};

/** The rule's day in `year` before any observed move; `undefined` when it has none that year. */
const nominalDay = (rule: HolidayRule, year: number): number | undefined => {
  if ("easter" in rule) return easterSunday(year) + rule.easter;
  if ("date" in rule) {
    const once = parseIsoDate(rule.date);
    if (once !== undefined) return once.year === year ? daysFromCivil(once.year, once.month, once.day) : undefined;
    const yearly = parseMonthDay(rule.date);
    // A yearly 02-29 holds in leap years only, as for a bare "02-29".
    if (yearly === undefined || yearly.day > daysInMonth(yearly.month, year)) return undefined;
    return daysFromCivil(year, yearly.month, yearly.day);
  }
  return nthWeekday(year, rule.month, WEEKDAYS.indexOf(rule.weekday), rule.nth) + (rule.offset ?? 0);
};

/** The day (days since 1970-01-01) the rule's holiday of `year` is kept on; `undefined` when none. */
export const ruleDay = (rule: HolidayRule, year: number): number | undefined => {
  if ((rule.from !== undefined && year < rule.from) || (rule.until !== undefined && year > rule.until))
    return undefined;
  const day = nominalDay(rule, year);
  if (day === undefined) return undefined;
  return "date" in rule && rule.observed !== undefined ? observedDay(day, rule.observed) : day;
};

/** Rule holidays landing in calendar year `year`: day number → name (the first rule with one). */
export const ruleHolidaysOfYear = (
  rules: readonly HolidayRule[],
  year: number,
): ReadonlyMap<number, string | undefined> => {
  const [first, next] = [daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1)];
  const out = new Map<number, string | undefined>();
  for (const rule of rules) {
    for (let own = Math.max(1, year - 1); own <= Math.min(9999, year + 1); own++) {
      const day = ruleDay(rule, own);
      if (day !== undefined && day >= first && day < next) out.set(day, out.get(day) ?? rule.name);
    }
  }
  return out;
};
