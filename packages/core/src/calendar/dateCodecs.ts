/**
 * Codecs for the dates of a calendar (semantics: Calendars): holidays are one-off
 * `YYYY-MM-DD` or yearly `MM-DD` dates (real dates; `02-29` applies in leap years only), and
 * overrides map such a date to that day's own intervals (`[]` closes it).
 */
import * as t from "io-ts";
import { withJsonSchema } from "../shared/json-schema.js";
import { parseIsoDate, parseMonthDay } from "./civilDate.js";
import { DayIntervalsC, type WallInterval } from "./intervalCodec.js";

/** A holiday: a one-off `YYYY-MM-DD` or a yearly `MM-DD` (real dates; `02-29` in leap years only). */
export const CalendarDateC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "CalendarDate",
    (u): u is string => typeof u === "string" && (parseIsoDate(u) !== undefined || parseMonthDay(u) !== undefined),
    (u, c) =>
      typeof u === "string" && (parseIsoDate(u) !== undefined || parseMonthDay(u) !== undefined)
        ? t.success(u)
        : t.failure(u, c, `expected a date "YYYY-MM-DD" or a yearly "MM-DD", got ${JSON.stringify(u) ?? typeof u}`),
    (s) => s,
  ),
  {
    type: "string",
    pattern: "^(?:\\d{4}-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$",
    description: 'A one-off date "YYYY-MM-DD" or a yearly "MM-DD".',
  },
  "CalendarDate",
);

/** Date overrides: a date (one-off or yearly) → that day's own intervals (`[]` = closed). */
export const OverridesC = withJsonSchema(
  new t.Type<
    Readonly<Record<string, readonly WallInterval[]>>,
    Readonly<Record<string, readonly WallInterval[]>>,
    unknown
  >(
    "Overrides",
    (u): u is Readonly<Record<string, readonly WallInterval[]>> =>
      typeof u === "object" &&
      u !== null &&
      !Array.isArray(u) &&
      Object.entries(u).every(([k, v]) => CalendarDateC.is(k) && DayIntervalsC.is(v)),
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) {
        return t.failure(u, c, 'expected overrides like { "2025-12-31": [["09:00", "13:00"]] }');
      }
      // io-ts's record would silently drop a malformed date key; here it is an error at that key.
      const errors: t.ValidationError[] = [];
      for (const [date, hours] of Object.entries(u)) {
        const key = CalendarDateC.validate(date, t.appendContext(c, date, CalendarDateC, date));
        const value = DayIntervalsC.validate(hours, t.appendContext(c, date, DayIntervalsC, hours));
        if (key._tag === "Left") errors.push(...key.left);
        if (value._tag === "Left") errors.push(...value.left);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(u as Readonly<Record<string, readonly WallInterval[]>>);
    },
    (o) => o,
  ),
  ({ schemaOf }) => ({
    type: "object",
    propertyNames: schemaOf(CalendarDateC),
    additionalProperties: schemaOf(DayIntervalsC),
    description: 'A date → that day\'s own hours; [] closes it: { "2025-12-31": [["09:00", "13:00"]] }.',
  }),
);
