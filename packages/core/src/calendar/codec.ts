/**
 * The JSON shape of a calendar (docs/design/sla-semantics.md#calendars): either the built-in
 * `{ "id": "24x7", "kind": "24x7" }` or a weekly calendar with an IANA zone, a weekly
 * template of half-open intervals, holidays (one-off `YYYY-MM-DD`, yearly `MM-DD`, or rules:
 * nth weekday, Easter-relative, observed fixed dates — holidayCodec.ts) and date overrides with
 * their own intervals. Every rule a definition can break is a decode error whose path names
 * the bad field (`week.mon[1]`, `holidays[2].nth`, `overrides["2025-12-31"][0]`).
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { withJsonSchema } from "../shared/json-schema.js";
import { parseMonthDay } from "./civilDate.js";
import { OverridesC } from "./dateCodecs.js";
import { HolidayC, isHolidayRule } from "./holidayCodec.js";
import { DayIntervalsC } from "./intervalCodec.js";
import { knownFields } from "./knownFields.js";
import { WEEKDAYS } from "./weekdays.js";
import { TimeZoneC } from "./zone.js";

const IdC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "CalendarId",
    (u): u is string => typeof u === "string" && u.trim() !== "",
    (u, c) => (typeof u === "string" && u.trim() !== "" ? t.success(u) : t.failure(u, c, "expected a non-empty id")),
    (s) => s,
  ),
  { type: "string", pattern: "\\S" },
);

const VersionC = withJsonSchema(
  new t.Type<number, number, unknown>(
    "CalendarVersion",
    (u): u is number => Number.isInteger(u) && (u as number) >= 1,
    (u, c) =>
      Number.isInteger(u) && (u as number) >= 1
        ? t.success(u as number)
        : t.failure(u, c, "expected a version 1, 2, …"),
    (n) => n,
  ),
  { type: "integer", minimum: 1 },
);

/** The weekly template: a missing day is closed; unknown day names are refused. */
export const WeekC = knownFields(
  t.partial({
    mon: DayIntervalsC,
    tue: DayIntervalsC,
    wed: DayIntervalsC,
    thu: DayIntervalsC,
    fri: DayIntervalsC,
    sat: DayIntervalsC,
    sun: DayIntervalsC,
  }),
  WEEKDAYS,
  "the week (days mon … sun)",
);
export type WeekTemplate = t.TypeOf<typeof WeekC>;

const WeeklyFieldsC = t.intersection([
  t.type({ id: IdC, version: VersionC, timeZone: TimeZoneC, week: WeekC }),
  t.partial({
    kind: t.literal("weekly"),
    description: t.string,
    holidays: t.array(HolidayC),
    overrides: OverridesC,
  }),
]);
const WEEKLY_FIELDS = ["id", "version", "timeZone", "week", "kind", "description", "holidays", "overrides"];

/** A weekly calendar definition. */
export type WeeklyCalendarDef = t.TypeOf<typeof WeeklyFieldsC>;

const AlwaysOpenFieldsC = t.intersection([
  t.type({ id: IdC, kind: t.literal("24x7") }),
  t.partial({ version: VersionC, description: t.string }),
]);
/** The built-in always-open calendar: `{ "id": "24x7", "kind": "24x7" }` (version 1 unless given). */
export const AlwaysOpenCalendarDefC = withJsonSchema(
  knownFields(AlwaysOpenFieldsC, ["id", "kind", "version", "description"], "a 24x7 calendar"),
  ({ closed }) => closed(AlwaysOpenFieldsC),
  "AlwaysOpenCalendar",
);
export type AlwaysOpenCalendarDef = t.TypeOf<typeof AlwaysOpenFieldsC>;

/**
 * Rules across fields: open time must exist; a date is a holiday or has its own hours, not both
 * (a dated rule `{ "date": "12-24" }` counts as the holiday `12-24`).
 */
const crossFieldIssues = (def: WeeklyCalendarDef, c: t.Context): t.ValidationError[] => {
  const issues: t.ValidationError[] = [];
  const at = (key: string, value: unknown, message: string) =>
    issues.push({ value, context: t.appendContext(c, key, t.unknown, value), message });
  const openWeekdays = WEEKDAYS.filter((d) => (def.week[d] ?? []).length > 0).length;
  if (openWeekdays === 0) {
    at("week", def.week, "the calendar has no open time: the weekly template needs at least one interval");
  }
  const rules = (def.holidays ?? []).filter(isHolidayRule);
  const dates = (def.holidays ?? []).filter((h): h is string => !isHolidayRule(h));
  const holidays = new Set([...dates, ...rules.flatMap((r) => ("date" in r ? [r.date] : []))]);
  const closedEveryYear = new Set(
    [
      ...dates,
      ...Object.entries(def.overrides ?? {}).flatMap(([date, hours]) => (hours.length === 0 ? [date] : [])),
    ].filter((date) => parseMonthDay(date) !== undefined),
  );
  // Each rule closes at most one day of a year (an observed date two: New Year observed on
  // Dec 31 of the year before); a year has at least 52 of each weekday. Fewer closures than
  // that always leave open days; more might close every year, so a rule-based list must stay below.
  const closedByRules = rules.reduce((n, r) => n + ("date" in r && r.observed !== undefined ? 2 : 1), 0);
  if (closedEveryYear.size >= 366) {
    at("holidays", def.holidays, "the calendar has no open time: yearly holidays close every day of the year");
  } else if (rules.length > 0 && openWeekdays > 0 && closedEveryYear.size + closedByRules >= 52 * openWeekdays) {
    at(
      "holidays",
      def.holidays,
      `the calendar may have no open time: its holidays can close ${closedEveryYear.size + closedByRules} days a year ` +
        `and the week opens on only ${52 * openWeekdays}`,
    );
  }
  for (const date of Object.keys(def.overrides ?? {})) {
    if (holidays.has(date)) {
      issues.push({
        value: date,
        context: t.appendContext(t.appendContext(c, "overrides", t.unknown), date, t.unknown, date),
        message: `${date} is also a holiday; a date is either a holiday or has its own intervals`,
      });
    }
  }
  return issues;
};

/** A weekly calendar, with the rules across fields checked. */
export const WeeklyCalendarDefC = withJsonSchema(
  new t.Type<WeeklyCalendarDef, WeeklyCalendarDef, unknown>(
    "WeeklyCalendarDef",
    (u): u is WeeklyCalendarDef => WeeklyFieldsC.is(u),
    (u, c) => {
      const fields = knownFields(WeeklyFieldsC, WEEKLY_FIELDS, "a weekly calendar").validate(u, c);
      if (fields._tag === "Left") return fields;
      const issues = crossFieldIssues(fields.right, c);
      return issues.length > 0 ? t.failures(issues) : fields;
    },
    (d) => d,
  ),
  // Open time must exist and a date is a holiday or has its own hours: the decoder checks those.
  ({ closed }) => ({
    ...(closed(WeeklyFieldsC) as object),
    description: "A weekly business calendar: an IANA time zone, opening hours per weekday, holidays, date overrides.",
  }),
  "WeeklyCalendar",
);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(WeeklyCalendarDefC);

export type CalendarDef = WeeklyCalendarDef | AlwaysOpenCalendarDef;

/** Any calendar definition; `kind` picks the shape (absent = weekly). */
export const CalendarDefC = withJsonSchema(
  new t.Type<CalendarDef, CalendarDef, unknown>(
    "CalendarDef",
    (u): u is CalendarDef => WeeklyCalendarDefC.is(u) || AlwaysOpenCalendarDefC.is(u),
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) {
        return t.failure(u, c, "expected a calendar object");
      }
      const kind = (u as { kind?: unknown }).kind;
      if (kind === "24x7") return AlwaysOpenCalendarDefC.validate(u, c);
      if (kind === undefined || kind === "weekly") return WeeklyCalendarDefC.validate(u, c);
      return t.failure(
        kind,
        t.appendContext(c, "kind", t.unknown, kind),
        'expected kind "weekly" (the default) or "24x7"',
      );
    },
    (d) => d,
  ),
  ({ schemaOf }) => ({ anyOf: [schemaOf(WeeklyCalendarDefC), schemaOf(AlwaysOpenCalendarDefC)] }),
  "Calendar",
);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(CalendarDefC);
