/**
 * The fixed correctness cases: a lunch break inside the span, a span that ends before the
 * afternoon's interval, opening-time boundaries, a deadline exactly at an interval's end, a
 * holiday, and spans across the spring-forward and fall-back nights, in Europe/Berlin and
 * America/New_York. Each case says its answer in wall time (`want`); the bench checks it
 * against our calendar and an independent minute walk before comparing any library with it.
 */
import type { WeeklyCalendarDef } from "@ticketfold/core";
import { officeDefinition } from "../calendar.js";

const lunchWeek = [
  ["09:00", "12:00"],
  ["13:00", "18:00"],
] as const;
const officeNewYork: WeeklyCalendarDef = {
  id: "office-ny",
  version: 1,
  timeZone: "America/New_York",
  week: { mon: lunchWeek, tue: lunchWeek, wed: lunchWeek, thu: lunchWeek, fri: lunchWeek },
  holidays: ["01-01", "07-04", "12-25", "2025-11-27"],
};
/** Open round the clock on weekends: the DST change (Sunday 02:00 or 03:00) lies inside open time. */
const weekendDesk = (id: string, timeZone: string): WeeklyCalendarDef => ({
  id,
  version: 1,
  timeZone,
  week: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
});

export interface Case {
  readonly what: string;
  readonly calendar: WeeklyCalendarDef;
  /** ISO with the zone's offset, so the instant is unambiguous. */
  readonly from: string;
  /** `add` counts `minutes` from `from`; `between` counts from `from` to `to`. */
  readonly op: { readonly add: number } | { readonly between: string };
  /** The answer in the calendar's wall time (`add`) or as a duration (`between`), as the table shows it. */
  readonly want: string;
}

/** The instants of one zone's cases (ISO with offset) and the wall-time answers that differ by zone. */
interface ZoneMoments {
  readonly mon08: string;
  readonly mon09: string;
  readonly mon11: string;
  readonly mon14: string;
  readonly mon17: string;
  readonly tue10: string;
  readonly fri18: string;
  readonly holiday: string;
  readonly afterHoliday: string;
  readonly springFri: string;
  readonly springTo: string;
  readonly springMon: string;
  readonly fallFri: string;
  readonly fallTo: string;
  readonly fallMon: string;
  readonly springSat: string;
  readonly springSatTo: string;
  readonly springSat12: string;
  readonly springSun: string;
  readonly fallSat: string;
  readonly fallSatTo: string;
  readonly fallSat12: string;
  readonly fallSun: string;
}

const H = 60;
const zoneCases = (office: WeeklyCalendarDef, desk: WeeklyCalendarDef, d: ZoneMoments): Case[] => [
  { what: "lunch break inside the span", calendar: office, from: d.mon11, op: { add: 2 * H }, want: "Mon 06-02 14:00" },
  { what: "lunch break inside the span", calendar: office, from: d.mon11, op: { between: d.mon14 }, want: "2h" },
  { what: "span ending in the morning", calendar: office, from: d.mon17, op: { between: d.tue10 }, want: "2h" },
  { what: "start before opening", calendar: office, from: d.mon08, op: { add: 1 * H }, want: "Mon 06-02 10:00" },
  { what: "start at closing time", calendar: office, from: d.fri18, op: { add: 1 * H }, want: "Mon 06-16 10:00" },
  { what: "deadline at the lunch break", calendar: office, from: d.mon09, op: { add: 3 * H }, want: "Mon 06-02 12:00" },
  { what: "deadline at closing time", calendar: office, from: d.mon09, op: { add: 8 * H }, want: "Mon 06-02 18:00" },
  { what: "a holiday in the span", calendar: office, from: d.holiday, op: { add: 2 * H }, want: d.afterHoliday },
  { what: "office, over spring-forward", calendar: office, from: d.springFri, op: { add: 2 * H }, want: d.springMon },
  { what: "office, over spring-forward", calendar: office, from: d.springFri, op: { between: d.springTo }, want: "2h" },
  { what: "office, over fall-back", calendar: office, from: d.fallFri, op: { add: 2 * H }, want: d.fallMon },
  { what: "office, over fall-back", calendar: office, from: d.fallFri, op: { between: d.fallTo }, want: "2h" },
  {
    what: "weekend desk, 23-hour Sunday",
    calendar: desk,
    from: d.springSat,
    op: { between: d.springSatTo },
    want: "47h",
  },
  { what: "weekend desk, 23-hour Sunday", calendar: desk, from: d.springSat12, op: { add: 24 * H }, want: d.springSun },
  { what: "weekend desk, 25-hour Sunday", calendar: desk, from: d.fallSat, op: { between: d.fallSatTo }, want: "49h" },
  { what: "weekend desk, 25-hour Sunday", calendar: desk, from: d.fallSat12, op: { add: 24 * H }, want: d.fallSun },
];

export const cases: readonly Case[] = [
  ...zoneCases(officeDefinition, weekendDesk("desk-berlin", "Europe/Berlin"), {
    mon08: "2025-06-02T08:00+02:00",
    mon09: "2025-06-02T09:00+02:00",
    mon11: "2025-06-02T11:00+02:00",
    mon14: "2025-06-02T14:00+02:00",
    mon17: "2025-06-02T17:00+02:00",
    tue10: "2025-06-03T10:00+02:00",
    fri18: "2025-06-13T18:00+02:00",
    holiday: "2025-12-23T17:00+01:00", // 24–26 December are holidays
    afterHoliday: "Mon 12-29 10:00",
    springFri: "2025-03-28T17:00+01:00", // clocks go forward on Sunday 30 March, 02:00 → 03:00
    springTo: "2025-03-31T10:00+02:00",
    springMon: "Mon 03-31 10:00",
    fallFri: "2025-10-24T17:00+02:00", // clocks go back on Sunday 26 October, 03:00 → 02:00
    fallTo: "2025-10-27T10:00+01:00",
    fallMon: "Mon 10-27 10:00",
    springSat: "2025-03-29T00:00+01:00",
    springSatTo: "2025-03-31T00:00+02:00",
    springSat12: "2025-03-29T12:00+01:00",
    springSun: "Sun 03-30 13:00",
    fallSat: "2025-10-25T00:00+02:00",
    fallSatTo: "2025-10-27T00:00+01:00",
    fallSat12: "2025-10-25T12:00+02:00",
    fallSun: "Sun 10-26 11:00",
  }),
  ...zoneCases(officeNewYork, weekendDesk("desk-ny", "America/New_York"), {
    mon08: "2025-06-02T08:00-04:00",
    mon09: "2025-06-02T09:00-04:00",
    mon11: "2025-06-02T11:00-04:00",
    mon14: "2025-06-02T14:00-04:00",
    mon17: "2025-06-02T17:00-04:00",
    tue10: "2025-06-03T10:00-04:00",
    fri18: "2025-06-13T18:00-04:00",
    holiday: "2025-07-03T17:00-04:00", // 4 July is a holiday
    afterHoliday: "Mon 07-07 10:00",
    springFri: "2025-03-07T17:00-05:00", // clocks go forward on Sunday 9 March, 02:00 → 03:00
    springTo: "2025-03-10T10:00-04:00",
    springMon: "Mon 03-10 10:00",
    fallFri: "2025-10-31T17:00-04:00", // clocks go back on Sunday 2 November, 02:00 → 01:00
    fallTo: "2025-11-03T10:00-05:00",
    fallMon: "Mon 11-03 10:00",
    springSat: "2025-03-08T00:00-05:00",
    springSatTo: "2025-03-10T00:00-04:00",
    springSat12: "2025-03-08T12:00-05:00",
    springSun: "Sun 03-09 13:00",
    fallSat: "2025-11-01T00:00-04:00",
    fallSatTo: "2025-11-03T00:00-05:00",
    fallSat12: "2025-11-01T12:00-04:00",
    fallSun: "Sun 11-02 11:00",
  }),
];
