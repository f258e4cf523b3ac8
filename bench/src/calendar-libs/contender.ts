/**
 * The one shape every library is asked through: `add(t, minutes)` and `between(a, b)` on UTC
 * epoch milliseconds, after `configure` hands it our calendar definition. What a library
 * cannot do is a `missing` reason, never a forced answer. Also the readings of a definition
 * that the libraries' own configurations are built from.
 */
import type { WallInterval, Weekday, WeeklyCalendarDef } from "@ticketfold/core";

export const MINUTE = 60_000;

export const OURS = "@ticketfold/core";
export const MOMENT = "moment-business-time";
export const MOMENT_TZ = "moment-business-time + moment-timezone";
export const DAYJS = "dayjs-business-time";
export const DAYJS_TZ = "dayjs-business-time + dayjs/plugin/timezone";
export const OPENING_HOURS = "opening_hours";

export interface Contender {
  readonly name: string;
  /** Points the library's (global) configuration at this calendar. */
  configure(def: WeeklyCalendarDef): void;
  /** The instant `minutes` of business time after `t`, or why the library cannot say. */
  readonly add: ((t: number, minutes: number) => number) | { readonly missing: string };
  /** Business milliseconds in `[a, b)`, or why the library cannot say. */
  readonly between: ((a: number, b: number) => number) | { readonly missing: string };
}

/** moment and dayjs number the days of the week from Sunday. */
/** The week as a calendar definition names its days, Monday first. */
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export const SUNDAY_FIRST: readonly Weekday[] = ["sun", ...WEEKDAYS.filter((d) => d !== "sun")];

export const hoursOf = (def: WeeklyCalendarDef, day: Weekday): readonly WallInterval[] => def.week[day] ?? [];

/** Holidays written as dates: `MM-DD` every year, `YYYY-MM-DD` once (the bench uses no rules). */
export const holidayDates = (def: WeeklyCalendarDef): readonly string[] =>
  (def.holidays ?? []).filter((h): h is string => typeof h === "string");

/** Is this a yearly `MM-DD` holiday (else a one-off `YYYY-MM-DD`)? */
export const isYearly = (holiday: string): boolean => holiday.length === 5;
