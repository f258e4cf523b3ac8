/**
 * dayjs-business-time 1.0: `addBusinessMinutes` and `businessMinutesDiff` on dayjs values,
 * hours per weekday as `{ start, end }` segments (lunch breaks included), holidays as exact
 * dates only, so each yearly holiday is written out for the years the bench uses. Plain dayjs
 * values compute in the process time zone; the `+ dayjs/plugin/timezone` row converts each
 * value with `.tz(zone)` first, as that plugin's documentation shows.
 */
import type { WeeklyCalendarDef } from "@ticketfold/core";
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import businessTime from "dayjs-business-time";
import { type Contender, DAYJS, DAYJS_TZ, holidayDates, hoursOf, isYearly, MINUTE, SUNDAY_FIRST } from "./contender.js";

dayjs.extend(businessTime);
dayjs.extend(utc);
dayjs.extend(timezone);

const YEARS = [2023, 2024, 2025, 2026, 2027];
const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

const configure = (def: WeeklyCalendarDef): void => {
  const week = Object.fromEntries(
    DAY_NAMES.map((name, i) => {
      const hours = hoursOf(def, SUNDAY_FIRST[i]!);
      return [name, hours.length === 0 ? null : hours.map(([s, e]) => ({ start: `${s}:00`, end: `${e}:00` }))];
    }),
  ) as unknown as dayjs.BusinessHoursMap;
  // The plugin keeps hours and holidays in the current locale: global state.
  dayjs.setBusinessTime(week);
  dayjs.setHolidays(holidayDates(def).flatMap((h) => (isYearly(h) ? YEARS.map((y) => `${y}-${h}`) : [h])));
};

export const dayjsBusinessTime = (zoned: boolean): Contender => {
  let zone = "UTC";
  const at = (t: number) => (zoned ? dayjs(t).tz(zone) : dayjs(t));
  return {
    name: zoned ? DAYJS_TZ : DAYJS,
    configure: (def) => {
      zone = def.timeZone;
      configure(def);
    },
    add: (t, minutes) => at(t).addBusinessMinutes(minutes).valueOf(),
    between: (a, b) => at(a).businessMinutesDiff(at(b)) * MINUTE,
  };
};
