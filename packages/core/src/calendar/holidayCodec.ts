/**
 * The holidays of a calendar (semantics: Calendars — full-day holidays). An entry is a date,
 * one-off `"YYYY-MM-DD"` or yearly `"MM-DD"`, or a rule that names a day of each year:
 * - `{ "date": "07-04", "observed": "us-federal" }` — a date, moved off the weekend when observed;
 * - `{ "month": 11, "weekday": "thu", "nth": 4 }` — the nth weekday of a month (`-1` the last),
 *   optionally `offset` days later (the day after Thanksgiving is `"offset": 1`);
 * - `{ "easter": -2 }` — days from Western Easter Sunday (Good Friday).
 * A rule may carry a `name` and the years it holds, `from` and `until` (inclusive). Every bad
 * field is a decode error at its path (`holidays[3].nth`).
 */
import * as t from "io-ts";
import { withJsonSchema } from "../shared/json-schema.js";
import { parseIsoDate } from "./civilDate.js";
import { CalendarDateC } from "./dateCodecs.js";
import { knownFields } from "./knownFields.js";
import { WEEKDAYS, type Weekday } from "./weekdays.js";

const shown = (u: unknown): string => JSON.stringify(u) ?? typeof u;

const oneOf = <A extends string | number>(name: string, values: readonly A[], expected: string) =>
  withJsonSchema(
    new t.Type<A, A, unknown>(
      name,
      (u): u is A => values.includes(u as A),
      (u, c) =>
        values.includes(u as A) ? t.success(u as A) : t.failure(u, c, `expected ${expected}, got ${shown(u)}`),
      (a) => a,
    ),
    rangeOf(values) ?? { enum: [...values] },
  );

/** `{ type: "integer", minimum, maximum }` when the values are the whole numbers of a range. */
const rangeOf = (values: readonly (string | number)[]) => {
  const numbers = values.filter((v): v is number => Number.isInteger(v));
  const [min, max] = [Math.min(...numbers), Math.max(...numbers)];
  return numbers.length === values.length && max - min + 1 === values.length
    ? { type: "integer", minimum: min, maximum: max }
    : undefined;
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const MonthC = oneOf("Month", range(1, 12), "a month 1 … 12");
const WeekdayC = oneOf<Weekday>("Weekday", WEEKDAYS, `a weekday ${WEEKDAYS.join(", ")}`);
// Every month has at least four of each weekday, so these always exist; a fifth does not.
const NthC = oneOf(
  "Nth",
  [1, 2, 3, 4, -1, -2, -3, -4],
  "1 … 4 (first … fourth) or -1 … -4 (last … fourth from last); a fifth weekday is not in every month, use -1 for the last",
);
const ShiftC = oneOf("DayShift", range(-7, 7), "a shift of -7 … 7 days");
// -80 … 249 keeps the day in Easter's own year (Easter falls on March 22 … April 25).
const EasterOffsetC = oneOf("EasterOffset", range(-80, 249), "days from Easter Sunday, -80 … 249 (Good Friday is -2)");
const YearC = withJsonSchema(
  new t.Type<number, number, unknown>(
    "Year",
    (u): u is number => Number.isInteger(u) && (u as number) >= 1 && (u as number) <= 9999,
    (u, c) =>
      Number.isInteger(u) && (u as number) >= 1 && (u as number) <= 9999
        ? t.success(u as number)
        : t.failure(u, c, `expected a year 1 … 9999, got ${shown(u)}`),
    (n) => n,
  ),
  { type: "integer", minimum: 1, maximum: 9999 },
);
const NameC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "HolidayName",
    (u): u is string => typeof u === "string" && u.trim() !== "",
    (u, c) => (typeof u === "string" && u.trim() !== "" ? t.success(u) : t.failure(u, c, "expected a non-empty name")),
    (s) => s,
  ),
  { type: "string", pattern: "\\S" },
);

/**
 * How a fixed date is observed when it falls on a weekend: `us-federal` (5 U.S.C. 6103(b)) and
 * its generic name `nearest-weekday` move Saturday to Friday and Sunday to Monday;
 * `next-monday` moves both to Monday.
 */
export const OBSERVED_RULES = ["us-federal", "nearest-weekday", "next-monday"] as const;
export type ObservedRule = (typeof OBSERVED_RULES)[number];
const ObservedC = oneOf<ObservedRule>(
  "Observed",
  OBSERVED_RULES,
  `how a weekend date is observed: ${OBSERVED_RULES.map((r) => `"${r}"`).join(", ")}`,
);

const COMMON = { name: NameC, from: YearC, until: YearC };
const DateHolidayFieldsC = t.intersection([
  t.type({ date: CalendarDateC }),
  t.partial({ observed: ObservedC, ...COMMON }),
]);
const NthWeekdayFieldsC = t.intersection([
  t.type({ month: MonthC, weekday: WeekdayC, nth: NthC }),
  t.partial({ offset: ShiftC, ...COMMON }),
]);
const EasterFieldsC = t.intersection([t.type({ easter: EasterOffsetC }), t.partial(COMMON)]);

export type DateHoliday = t.TypeOf<typeof DateHolidayFieldsC>;
export type NthWeekdayHoliday = t.TypeOf<typeof NthWeekdayFieldsC>;
export type EasterHoliday = t.TypeOf<typeof EasterFieldsC>;
/** A holiday given by a rule rather than by a bare date. */
export type HolidayRule = DateHoliday | NthWeekdayHoliday | EasterHoliday;
/** A holiday entry: a bare date (one-off or yearly) or a rule. */
export type Holiday = string | HolidayRule;

export const isHolidayRule = (h: Holiday): h is HolidayRule => typeof h !== "string";

const NAMES = ["name", "from", "until"];
const shapes = {
  easter: knownFields(EasterFieldsC, ["easter", ...NAMES], "an Easter holiday"),
  date: knownFields(DateHolidayFieldsC, ["date", "observed", ...NAMES], "a dated holiday"),
  nth: knownFields(NthWeekdayFieldsC, ["month", "weekday", "nth", "offset", ...NAMES], "an nth-weekday holiday"),
};

const EXPECTED =
  'expected a holiday: a date "YYYY-MM-DD" or "MM-DD", or a rule such as { "month": 11, "weekday": "thu", "nth": 4 }, ' +
  '{ "easter": -2 } or { "date": "07-04", "observed": "us-federal" }';

/** The years a rule holds must be a real span, and a one-off date has its own year. */
const yearIssues = (rule: HolidayRule, c: t.Context): t.ValidationError[] => {
  const at = (key: "from" | "until", message: string): t.ValidationError => ({
    value: rule[key],
    context: t.appendContext(c, key, t.unknown, rule[key]),
    message,
  });
  const issues: t.ValidationError[] = [];
  if ("date" in rule && parseIsoDate(rule.date) !== undefined) {
    for (const key of ["from", "until"] as const) {
      if (rule[key] !== undefined)
        issues.push(at(key, `${rule.date} is a one-off date; ${key} applies to yearly rules`));
    }
  }
  if (rule.from !== undefined && rule.until !== undefined && rule.until < rule.from) {
    issues.push(at("until", `until ${rule.until} is before from ${rule.from}`));
  }
  return issues;
};

/** One holiday entry; the keys an object has pick its rule (`easter`, then `date`, else nth weekday). */
export const HolidayC = withJsonSchema(
  new t.Type<Holiday, Holiday, unknown>(
    "Holiday",
    (u): u is Holiday =>
      CalendarDateC.is(u) || EasterFieldsC.is(u) || DateHolidayFieldsC.is(u) || NthWeekdayFieldsC.is(u),
    (u, c) => {
      if (typeof u === "string") return CalendarDateC.validate(u, c);
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c, EXPECTED);
      const has = (k: string) => Object.hasOwn(u, k);
      const shape = has("easter")
        ? shapes.easter
        : has("date")
          ? shapes.date
          : ["month", "weekday", "nth", "offset"].some(has)
            ? shapes.nth
            : undefined;
      if (shape === undefined) return t.failure(u, c, EXPECTED);
      const decoded = shape.validate(u, c);
      if (decoded._tag === "Left") return decoded;
      const issues = yearIssues(decoded.right, c);
      return issues.length > 0 ? t.failures(issues) : decoded;
    },
    (h) => h,
  ),
  // The keys pick the rule (`easter`, then `date`, else the nth weekday); each shape is closed.
  ({ schemaOf }) => ({
    anyOf: [schemaOf(CalendarDateC), schemaOf(shapes.easter), schemaOf(shapes.date), schemaOf(shapes.nth)],
  }),
  "Holiday",
);
