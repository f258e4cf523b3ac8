/**
 * opening_hours 3.15 (OpenStreetMap's opening_hours syntax): answers open or closed, the next
 * change and `getOpenDuration(from, to)`, so it takes part in `between` only. Wall times are
 * read in the process time zone (JavaScript `Date` getters); it has no zone option.
 */
import type { Weekday, WeeklyCalendarDef } from "@ticketfold/core";
import OpeningHours from "opening_hours";
import { type Contender, holidayDates, hoursOf, isYearly, OPENING_HOURS, WEEKDAYS } from "./contender.js";

const OSM_DAYS: Record<Weekday, string> = {
  mon: "Mo",
  tue: "Tu",
  wed: "We",
  thu: "Th",
  fri: "Fr",
  sat: "Sa",
  sun: "Su",
};
const OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const osmDate = (mmdd: string): string => `${OSM_MONTHS[Number(mmdd.slice(0, 2)) - 1]} ${mmdd.slice(3)}`;

/** The calendar as an `opening_hours` value: `Mo 09:00-12:00,13:00-18:00; …; Dec 24 off; 2025 Apr 18 off`. */
export const openingHoursValue = (def: WeeklyCalendarDef): string =>
  [
    ...WEEKDAYS.filter((d) => hoursOf(def, d).length > 0).map(
      (d) =>
        `${OSM_DAYS[d]} ${hoursOf(def, d)
          .map(([s, e]) => `${s}-${e}`)
          .join(",")}`,
    ),
    // Later rules override earlier ones for the days they name.
    ...holidayDates(def).map((h) =>
      isYearly(h) ? `${osmDate(h)} off` : `${h.slice(0, 4)} ${osmDate(h.slice(5))} off`,
    ),
  ].join("; ");

export const openingHours = (): Contender => {
  let hours: OpeningHours | undefined;
  return {
    name: OPENING_HOURS,
    configure: (def) => {
      hours = new OpeningHours(openingHoursValue(def));
    },
    add: { missing: "no add: it answers open/closed, the next change and open duration only" },
    between: (a, b) => hours!.getOpenDuration(new Date(a), new Date(b))[0],
  };
};
