/**
 * moment-business-time 2.0: `addWorkingTime` and `workingDiff` on moment values, hours per
 * weekday as a flat list of opening and closing times (lunch breaks included), holidays as
 * minimatch patterns (`*-12-24` every year). Plain moments compute in the process time zone;
 * moments from moment-timezone compute in their own zone, which the `+ moment-timezone` row uses.
 */
import type { WeeklyCalendarDef } from "@ticketfold/core";
import moment from "moment-timezone";
import "moment-business-time";
import { type Contender, holidayDates, hoursOf, isYearly, MOMENT, MOMENT_TZ, SUNDAY_FIRST } from "./contender.js";

const configure = (def: WeeklyCalendarDef): void => {
  const workinghours = Object.fromEntries(
    SUNDAY_FIRST.map((d, i) => {
      const hours = hoursOf(def, d);
      return [i, hours.length === 0 ? null : hours.flatMap(([s, e]) => [`${s}:00`, `${e}:00`])];
    }),
  );
  const holidays = holidayDates(def).map((h) => (isYearly(h) ? `*-${h}` : h));
  // The library reads its hours from the current locale's data: global state.
  moment.updateLocale("en", { workinghours, holidays });
};

export const momentBusinessTime = (zoned: boolean): Contender => {
  let zone = "UTC";
  const at = (t: number) => (zoned ? moment.tz(t, zone) : moment(t));
  return {
    name: zoned ? MOMENT_TZ : MOMENT,
    configure: (def) => {
      zone = def.timeZone;
      configure(def);
    },
    add: (t, minutes) => at(t).addWorkingTime(minutes, "minutes").valueOf(),
    // `later.workingDiff(earlier)` is positive (README).
    between: (a, b) => at(b).workingDiff(at(a), "milliseconds"),
  };
};
