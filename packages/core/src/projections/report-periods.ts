/**
 * Report periods: the civil day, ISO week or month an instant falls in, in a time zone. The
 * local date comes from the calendar layer (zone offsets at the instant itself, so a DST
 * change never moves an instant into the wrong day), and date arithmetic is done on day
 * numbers (calendar/civilDate.ts).
 *
 * Keys sort in time order: day `2025-03-30`, ISO week `2025-W13` (Monday to Sunday; the week
 * belongs to the year of its Thursday), month `2025-03`.
 */
import { civilFromDays, daysFromCivil, isoDateOf, weekdayOf } from "../calendar/civilDate.js";
import { instantToWall } from "../calendar/zone.js";
import { DAY } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";

export type ReportPeriod = "day" | "week" | "month";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Day number (days since 1970-01-01) of the local date of `at` in `zone`. */
export const localDayOf = (at: Instant, zone: string): number => Math.floor(instantToWall(zone, at) / DAY);

/** `YYYY-Www` of a day number (ISO 8601 week date). */
export const isoWeekOf = (days: number): string => {
  const thursday = days - weekdayOf(days) + 3;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
};

/** The key of the period `at` falls in, in `zone`. */
export const periodOf = (at: Instant, zone: string, period: ReportPeriod): string => {
  const days = localDayOf(at, zone);
  if (period === "day") return isoDateOf(days);
  if (period === "week") return isoWeekOf(days);
  const { year, month } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month)}`;
};
