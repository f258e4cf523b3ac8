/**
 * Rule-based holidays (docs/design/sla-semantics.md#calendars): the US federal holidays and Germany's
 * Easter-dependent ones written as rules land on their published dates, year after year;
 * observed dates move off the weekend; `from`/`until` bound the years; and a rule holiday
 * takes its place in the precedence of a date's hours.
 */
import { describe, expect, it } from "vitest";
import { HOUR } from "../shared/duration.js";
import type { WeeklyCalendarDef } from "./codec.js";
import { compileCalendar } from "./compile.js";
import { at, weekdays } from "./fixtures.test-support.js";
import type { Holiday } from "./holidayCodec.js";
import { holidaysIn } from "./holidaysIn.js";

const nineToFive = [["09:00", "17:00"]] as const;
const MON_FRI = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const calendar = (
  timeZone: string,
  holidays: Holiday[],
  extra: Partial<WeeklyCalendarDef> = {},
): WeeklyCalendarDef => ({
  id: "rules",
  version: 1,
  timeZone,
  week: MON_FRI,
  holidays,
  ...extra,
});

const US_FEDERAL: Holiday[] = [
  { date: "01-01", observed: "us-federal", name: "New Year's Day" },
  { month: 1, weekday: "mon", nth: 3, name: "Martin Luther King Jr. Day" },
  { month: 2, weekday: "mon", nth: 3, name: "Washington's Birthday" },
  { month: 5, weekday: "mon", nth: -1, name: "Memorial Day" },
  { date: "06-19", observed: "us-federal", from: 2021, name: "Juneteenth" },
  { date: "07-04", observed: "us-federal", name: "Independence Day" },
  { month: 9, weekday: "mon", nth: 1, name: "Labor Day" },
  { month: 10, weekday: "mon", nth: 2, name: "Columbus Day" },
  { date: "11-11", observed: "us-federal", name: "Veterans Day" },
  { month: 11, weekday: "thu", nth: 4, name: "Thanksgiving Day" },
  { date: "12-25", observed: "us-federal", name: "Christmas Day" },
];
const us = calendar("America/New_York", US_FEDERAL);
const usCal = compileCalendar(us);

/** Closed all day: no open time in the 24 hours from local midnight (a Mon–Fri 09–17 calendar). */
const closedOn = (cal: ReturnType<typeof compileCalendar>, date: string, offset: string): boolean =>
  cal.between(at(`${date}T00:00${offset}`), at(`${date}T00:00${offset}`) + 24 * HOUR) === 0;

describe("US federal holidays as rules (P-B)", () => {
  it.each([
    [2024, ["01-01", "01-15", "02-19", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"]],
    [2025, ["01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"]],
    [2026, ["01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11", "11-26", "12-25"]],
    // Juneteenth and July 4th on a weekend; Christmas 2027 and New Year 2028 on Saturdays.
    [
      2027,
      ["01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"],
    ],
  ])("%i: the eleven holidays fall on the published dates", (year, dates) => {
    expect(holidaysIn(us, year).map((h) => h.date)).toEqual(dates.map((d) => `${year}-${d}`));
  });

  it.each([
    ["Martin Luther King Jr. Day", "2025-01-20", "the third Monday of January"],
    ["Washington's Birthday", "2026-02-16", "the third Monday of February"],
    ["Memorial Day", "2027-05-31", "the last Monday of May (nth -1)"],
    ["Juneteenth", "2027-06-18", "Saturday June 19 observed on Friday"],
    ["Independence Day", "2026-07-03", "Saturday July 4 observed on Friday"],
    ["Independence Day", "2027-07-05", "Sunday July 4 observed on Monday"],
    ["Labor Day", "2024-09-02", "the first Monday of September"],
    ["Columbus Day", "2025-10-13", "the second Monday of October"],
    ["Veterans Day", "2023-11-10", "Saturday November 11 observed on Friday"],
    ["Veterans Day", "2028-11-10", "Saturday November 11 observed on Friday"],
    ["Thanksgiving Day", "2025-11-27", "the fourth Thursday of November"],
    ["Christmas Day", "2027-12-24", "Saturday December 25 observed on Friday"],
    ["New Year's Day", "2027-12-31", "Saturday 2028-01-01 observed on Friday of the year before"],
  ])("%s is kept on %s: %s", (name, date, _rule) => {
    expect(holidaysIn(us, Number(date.slice(0, 4)))).toContainEqual({ date, name });
    expect(closedOn(usCal, date, "-05:00")).toBe(true);
  });

  it("an observed holiday moves: the Thursday before July 4th observed is a business day, as is the next Monday", () => {
    expect(closedOn(usCal, "2026-07-02", "-04:00")).toBe(false);
    expect(closedOn(usCal, "2026-07-06", "-04:00")).toBe(false);
    // Thu 2026-07-02 16:30 EDT + 1 business hour: 30 min on Thursday, Friday is the holiday,
    // the other 30 min on Monday: 09:30 EDT.
    expect(usCal.add(at("2026-07-02T16:30-04:00"), HOUR)).toBe(at("2026-07-06T09:30-04:00"));
  });

  it("from: Juneteenth holds from 2021 on (observed Fri 2021-06-18), not in 2020", () => {
    expect(holidaysIn(us, 2020).some((h) => h.name === "Juneteenth")).toBe(false);
    expect(holidaysIn(us, 2021)).toContainEqual({ date: "2021-06-18", name: "Juneteenth" });
    expect(closedOn(usCal, "2020-06-19", "-04:00")).toBe(false);
  });
});

const DE_NATIONWIDE: Holiday[] = [
  { date: "01-01", name: "Neujahr" },
  { easter: -2, name: "Karfreitag" },
  { easter: 1, name: "Ostermontag" },
  { date: "05-01", name: "Tag der Arbeit" },
  { easter: 39, name: "Christi Himmelfahrt" },
  { easter: 50, name: "Pfingstmontag" },
  { date: "10-03", name: "Tag der Deutschen Einheit" },
  "12-25",
  "12-26",
];
const de = calendar("Europe/Berlin", DE_NATIONWIDE);
const deCal = compileCalendar(de);

describe("German Easter-dependent holidays as rules (P-D)", () => {
  it.each([
    [2024, "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20"],
    [2025, "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09"],
    [2026, "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"],
    [2027, "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17"],
  ])("%i: Good Friday %s, Easter Monday %s, Ascension %s, Whit Monday %s", (year, ...dates) => {
    const easterDays = holidaysIn(de, year).filter((h) => h.date.slice(5) > "03-01" && h.date.slice(5) < "06-30");
    expect(easterDays.filter((h) => h.date.slice(5) !== "05-01")).toEqual([
      { date: dates[0], name: "Karfreitag" },
      { date: dates[1], name: "Ostermontag" },
      { date: dates[2], name: "Christi Himmelfahrt" },
      { date: dates[3], name: "Pfingstmontag" },
    ]);
    for (const date of dates) expect(closedOn(deCal, date, "+02:00")).toBe(true);
  });

  it("bare dates and rules list together: nine holidays in 2025, the unnamed ones without a name", () => {
    const all = holidaysIn(de, 2025);
    expect(all).toHaveLength(9);
    expect(all.at(-1)).toEqual({ date: "2025-12-26" });
  });
});

describe("observed rules, offsets and year bounds", () => {
  it.each([
    ["us-federal", "2026-07-03"],
    ["nearest-weekday", "2026-07-03"],
    ["next-monday", "2026-07-06"],
  ] as const)("%s: Saturday 2026-07-04 is kept on %s (the Saturday itself is not closed)", (observed, date) => {
    const everyDayOpen = { ...MON_FRI, sat: nineToFive, sun: nineToFive };
    const def = calendar("UTC", [{ date: "07-04", observed }], { week: everyDayOpen });
    const cal = compileCalendar(def);
    expect(holidaysIn(def, 2026)).toEqual([{ date }]);
    expect([closedOn(cal, date, "Z"), closedOn(cal, "2026-07-04", "Z")]).toEqual([true, false]);
  });

  it("next-monday moves a Sunday to Monday too; a weekday date stays", () => {
    const def = calendar("UTC", [{ date: "07-04", observed: "next-monday" }]);
    expect([holidaysIn(def, 2027), holidaysIn(def, 2025)]).toEqual([
      [{ date: "2027-07-05" }],
      [{ date: "2025-07-04" }],
    ]);
  });

  it("offset: the day after Thanksgiving is the fourth Thursday of November plus one", () => {
    const def = calendar("UTC", [{ month: 11, weekday: "thu", nth: 4, offset: 1 }]);
    expect([2024, 2025, 2026].map((y) => holidaysIn(def, y)[0]?.date)).toEqual([
      "2024-11-29",
      "2025-11-28",
      "2026-11-27",
    ]);
  });

  it("from and until bound the rule's own years, inclusive", () => {
    const def = calendar("UTC", [{ easter: 1, from: 2025, until: 2026 }]);
    expect([2024, 2025, 2026, 2027].map((y) => holidaysIn(def, y).length)).toEqual([0, 1, 1, 0]);
  });

  it("a yearly 02-29 rule holds in leap years only", () => {
    const def = calendar("UTC", [{ date: "02-29", name: "Leap day" }]);
    expect([holidaysIn(def, 2024), holidaysIn(def, 2025)]).toEqual([[{ date: "2024-02-29", name: "Leap day" }], []]);
  });
});

describe("precedence: one-off entries > rule holidays > yearly entries > the week", () => {
  const def = calendar(
    "UTC",
    [
      { month: 11, weekday: "thu", nth: 4 },
      { date: "12-25", observed: "us-federal" },
    ],
    {
      overrides: { "2025-11-27": [["09:00", "12:00"]], "12-24": [["09:00", "13:00"]] },
    },
  );
  const cal = compileCalendar(def);

  it.each([
    ["a one-off override opens a rule holiday for one year: Thanksgiving 2025 is a half day", "2025-11-27", 3 * HOUR],
    ["the rule closes the other years: Thanksgiving 2024", "2024-11-28", 0],
    ["a rule holiday beats a yearly override: Christmas 2027 observed on 12-24", "2027-12-24", 0],
    ["the yearly override holds when no rule lands there: 2026-12-24", "2026-12-24", 4 * HOUR],
  ])("%s", (_rule, date, open) => {
    expect(cal.between(at(`${date}T00:00`), at(`${date}T00:00`) + 24 * HOUR)).toBe(open);
  });

  it("holidaysIn leaves out a date that a one-off override decides", () => {
    expect(holidaysIn(def, 2025).map((h) => h.date)).toEqual(["2025-12-25"]);
  });

  it("a rule calendar counts across New Year with the observed day in the year before", () => {
    const office = weekdays("UTC", [["09:00", "17:00"]], { holidays: [{ date: "01-01", observed: "us-federal" }] });
    // Thu 2027-12-30 16:00 + 2h: Fri Dec 31 is New Year 2028 observed, Sat/Sun closed → Mon Jan 3 10:00.
    expect(office.add(at("2027-12-30T16:00"), 2 * HOUR)).toBe(at("2028-01-03T10:00"));
  });
});
