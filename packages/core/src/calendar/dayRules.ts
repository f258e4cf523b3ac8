/**
 * Which hours a local date is open, from a weekly calendar definition (semantics: Calendars).
 * Precedence, most specific first: an entry for the exact date (an override with its own
 * intervals, or a one-off holiday) beats a yearly `MM-DD` entry (override or holiday), which
 * beats the weekly template. The codec refuses a date listed both as holiday and override.
 */
import { civilFromDays, dateKey, monthDayKey, parseIsoDate, parseMonthDay, weekdayOf } from "./civilDate.js";
import type { WeeklyCalendarDef } from "./codec.js";
import { toMinuteIntervals, type WallInterval } from "./intervalCodec.js";

/** Open minutes of a day, `[from, to)` after local midnight (to ≤ 1440), sorted. */
export type MinuteIntervals = readonly (readonly [number, number])[];

/** The open minutes of the local date with the given day number (days since 1970-01-01). */
export type DayRules = (days: number) => MinuteIntervals;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

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
  for (const date of def.holidays ?? []) put(date, CLOSED);
  for (const [date, intervals] of Object.entries(def.overrides ?? {})) {
    put(date, toMinuteIntervals(intervals as readonly WallInterval[]));
  }
  return (days) => {
    const civil = civilFromDays(days);
    return exact.get(dateKey(civil)) ?? yearly.get(monthDayKey(civil)) ?? week[weekdayOf(days)] ?? CLOSED;
  };
};
