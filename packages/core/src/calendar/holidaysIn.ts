/**
 * The holidays a weekly calendar keeps in one year, as dates with their names — for showing
 * "closed for Thanksgiving" or checking a definition against a published list. Rules are
 * placed as the calendar places them (docs/design/sla-semantics.md#calendars): observed dates moved, a yearly
 * `02-29` in leap years only, and New Year observed on Dec 31 listed in the year it lands in.
 * A date that a one-off override gives its own hours is not listed: the override decides it.
 */
import { daysFromCivil, daysInMonth, isoDateOf, parseIsoDate, parseMonthDay } from "./civilDate.js";
import type { WeeklyCalendarDef } from "./codec.js";
import { isHolidayRule } from "./holidayCodec.js";
import { ruleHolidaysOfYear } from "./holidayRules.js";

export interface HolidayDate {
  /** `YYYY-MM-DD`, a local date in the calendar's zone. */
  readonly date: string;
  /** The name of the first rule for this date that has one. */
  readonly name?: string;
}

/** The holidays of `year` (1 … 9999) in date order, one entry per date. */
export const holidaysIn = (def: WeeklyCalendarDef, year: number): readonly HolidayDate[] => {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`calendar "${def.id}": year ${year} is outside the supported years 1–9999`);
  }
  const entries = def.holidays ?? [];
  const days = new Map(ruleHolidaysOfYear(entries.filter(isHolidayRule), year));
  for (const entry of entries) {
    if (isHolidayRule(entry)) continue;
    const once = parseIsoDate(entry);
    const yearly = once === undefined ? parseMonthDay(entry) : undefined;
    const date = once ?? (yearly && yearly.day <= daysInMonth(yearly.month, year) ? { year, ...yearly } : undefined);
    if (date === undefined || date.year !== year) continue;
    const day = daysFromCivil(date.year, date.month, date.day);
    days.set(day, days.get(day));
  }
  const oneOffOverrides = new Set(Object.keys(def.overrides ?? {}).filter((d) => parseIsoDate(d) !== undefined));
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, name]) => ({ date: isoDateOf(day), ...(name === undefined ? {} : { name }) }))
    .filter((h) => !oneOffOverrides.has(h.date));
};
