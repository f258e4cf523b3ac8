/**
 * Calendar definitions that break a rule (docs/design/sla-semantics.md#calendars) are decode errors whose path
 * names the bad field, with a message that says what was expected.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { decodeWith } from "../shared/decode.js";
import { CalendarDefC } from "./codec.js";
import { decodeCalendar } from "./compile.js";

const valid = {
  id: "office",
  version: 1,
  timeZone: "Europe/Berlin",
  week: {
    mon: [
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ],
    fri: [["09:00", "24:00"]],
  },
  holidays: ["2025-12-25", "12-24", "02-29"],
  overrides: { "2025-12-31": [["09:00", "13:00"]], "2025-12-27": [] },
};

const issuesOf = (u: unknown) => {
  const r = decodeCalendar(u);
  if (E.isRight(r)) throw new Error("expected a decode error");
  expect(r.left.code).toBe("DECODE_ERROR");
  expect(r.left.what).toBe("calendar");
  return r.left.issues;
};

describe("CalendarDefC accepts the documented shape", () => {
  it("the example with two intervals, a 24:00 end, yearly and one-off holidays and overrides decodes", () => {
    const r = decodeCalendar(valid);
    expect(E.isRight(r) && [r.right.id, r.right.version]).toEqual(["office", 1]);
  });

  it("holiday rules decode beside bare dates: nth weekday, Easter-relative, observed, named, with years", () => {
    const rules = {
      ...valid,
      holidays: [
        "12-24",
        { month: 11, weekday: "thu", nth: 4, name: "Thanksgiving" },
        { month: 11, weekday: "thu", nth: 4, offset: 1 },
        { month: 5, weekday: "mon", nth: -1 },
        { easter: -2, name: "Good Friday" },
        { easter: 50, from: 1995, until: 2100 },
        { date: "07-04", observed: "us-federal" },
        { date: "06-19", observed: "nearest-weekday", from: 2021 },
        { date: "12-26", observed: "next-monday" },
        { date: "2025-12-29", name: "Bridge day" },
      ],
    };
    expect(E.isRight(decodeCalendar(rules))).toBe(true);
  });

  it("touching intervals of a day are fine (they count as one)", () => {
    const touching = {
      ...valid,
      week: {
        tue: [
          ["09:00", "12:00"],
          ["12:00", "14:00"],
        ],
      },
    };
    expect(E.isRight(decodeCalendar(touching))).toBe(true);
  });
});

describe("each bad field is an error whose path names it", () => {
  it.each([
    [
      "overlapping intervals",
      {
        week: {
          mon: [
            ["09:00", "12:00"],
            ["11:00", "13:00"],
          ],
        },
      },
      "week.mon[1]",
      "overlaps the interval [09:00, 12:00] at index 0",
    ],
    [
      "overlaps found in any order",
      {
        week: {
          thu: [
            ["11:00", "13:00"],
            ["09:00", "12:00"],
          ],
        },
      },
      "week.thu[0]",
      "overlaps",
    ],
    ["start equal to end", { week: { tue: [["17:00", "17:00"]] } }, "week.tue[0]", "is empty"],
    ["start after end", { week: { wed: [["17:00", "09:00"]] } }, "week.wed[0]", "ends before it starts"],
    ["an interval spanning midnight", { week: { fri: [["22:00", "02:00"]] } }, "week.fri[0]", "may not span midnight"],
    ["an unknown IANA zone", { timeZone: "Mars/Olympus" }, "timeZone", "IANA time zone"],
    ["a bare offset instead of a zone", { timeZone: "+01:00" }, "timeZone", "IANA time zone"],
    ["a malformed start", { week: { mon: [["9:00", "12:00"]] } }, "week.mon[0][0]", '"HH:MM"'],
    ["minutes out of range", { week: { mon: [["09:60", "12:00"]] } }, "week.mon[0][0]", '"HH:MM"'],
    ["a malformed end", { week: { mon: [["09:00", "25:00"]] } }, "week.mon[0][1]", '"HH:MM" (00:00–24:00)'],
    ["24:00 as a start", { week: { sat: [["24:00", "24:00"]] } }, "week.sat[0][0]", "only as the end"],
    ["an interval that is not a pair", { week: { mon: [["09:00"]] } }, "week.mon[0]", "expected an interval"],
    [
      "an unknown day name",
      { week: { mon: [["09:00", "12:00"]], thur: [["09:00", "12:00"]] } },
      "week.thur",
      "unknown field",
    ],
    ["an impossible one-off holiday", { holidays: ["2025-02-30"] }, "holidays[0]", '"YYYY-MM-DD"'],
    ["a malformed holiday", { holidays: ["12-24", "25.12.2025"] }, "holidays[1]", 'yearly "MM-DD"'],
    ["a malformed override date", { overrides: { "2025-13-01": [] } }, 'overrides["2025-13-01"]', '"YYYY-MM-DD"'],
    [
      "a bad override interval",
      { overrides: { "2025-12-31": [["13:00", "09:00"]] } },
      'overrides["2025-12-31"][0]',
      "ends before",
    ],
    ["no open time at all", { week: {} }, "week", "no open time"],
    ["no open time in any day", { week: { mon: [], sun: [] } }, "week", "no open time"],
    [
      "a date both holiday and override",
      { holidays: ["12-24"], overrides: { "12-24": [["09:00", "12:00"]] } },
      'overrides["12-24"]',
      "either a holiday",
    ],
    ["a version that is not a positive integer", { version: 0 }, "version", "version"],
    ["an empty id", { id: " " }, "id", "non-empty"],
    ["an unknown field", { holiday: ["12-24"] }, "holiday", "unknown field"],
    ["an unknown kind", { kind: "monthly" }, "kind", '"24x7"'],
    [
      "a fifth weekday",
      { holidays: [{ month: 11, weekday: "thu", nth: 5 }] },
      "holidays[0].nth",
      "use -1 for the last",
    ],
    ["nth 0", { holidays: [{ month: 5, weekday: "mon", nth: 0 }] }, "holidays[0].nth", "-1 … -4"],
    ["a misspelt weekday", { holidays: [{ month: 11, weekday: "thur", nth: 4 }] }, "holidays[0].weekday", "a weekday"],
    ["a missing weekday", { holidays: [{ month: 5, nth: -1 }] }, "holidays[0].weekday", "a weekday"],
    ["month 13", { holidays: [{ month: 13, weekday: "mon", nth: 1 }] }, "holidays[0].month", "a month 1 … 12"],
    [
      "an offset past a week",
      { holidays: [{ month: 11, weekday: "thu", nth: 4, offset: 8 }] },
      "holidays[0].offset",
      "-7 … 7",
    ],
    ["an Easter offset out of the year", { holidays: [{ easter: 300 }] }, "holidays[0].easter", "-80 … 249"],
    ["a fractional Easter offset", { holidays: [{ easter: 1.5 }] }, "holidays[0].easter", "days from Easter"],
    [
      "an unknown observed rule",
      { holidays: [{ date: "07-04", observed: "weekend" }] },
      "holidays[0].observed",
      '"us-federal"',
    ],
    ["a bad date in a rule", { holidays: ["01-01", { date: "13-01" }] }, "holidays[1].date", 'yearly "MM-DD"'],
    [
      "until before from",
      { holidays: [{ easter: 1, from: 2026, until: 2025 }] },
      "holidays[0].until",
      "before from 2026",
    ],
    ["a year out of range", { holidays: [{ easter: 1, from: 0 }] }, "holidays[0].from", "a year 1 … 9999"],
    [
      "years on a one-off date",
      { holidays: [{ date: "2025-12-24", until: 2026 }] },
      "holidays[0].until",
      "one-off date",
    ],
    ["an empty name", { holidays: [{ easter: -2, name: " " }] }, "holidays[0].name", "non-empty name"],
    [
      "fields of two rules mixed",
      { holidays: [{ easter: 1, month: 4 }] },
      "holidays[0].month",
      "unknown field of an Easter holiday",
    ],
    ["a typo in a rule", { holidays: [{ month: 5, weekday: "mon", nht: -1 }] }, "holidays[0].nht", "unknown field"],
    ["an object that is no rule", { holidays: [{ day: "12-24" }] }, "holidays[0]", "expected a holiday"],
    ["a number as holiday", { holidays: [1225] }, "holidays[0]", "expected a holiday"],
    [
      "a dated rule that is also an override",
      { holidays: [{ date: "12-24", name: "Christmas Eve" }], overrides: { "12-24": [["09:00", "12:00"]] } },
      'overrides["12-24"]',
      "either a holiday",
    ],
    [
      "rule holidays that could close every open day",
      { week: { mon: [["09:00", "12:00"]] }, holidays: Array.from({ length: 52 }, (_, i) => ({ easter: i })) },
      "holidays",
      "may have no open time",
    ],
  ])("%s", (_case, patch, path, message) => {
    const issues = issuesOf({ ...valid, ...patch });
    const issue = issues.find((i) => i.path === path);
    expect(issue, `no issue at ${path}: ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue?.message).toContain(message);
  });

  it("a missing required field is named", () => {
    const { timeZone: _omitted, ...rest } = valid;
    expect(issuesOf(rest).map((i) => i.path)).toContain("timeZone");
  });

  it("yearly holidays that close every day of the year leave no open time", () => {
    const everyDay: string[] = [];
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!; d++) {
        everyDay.push(`${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
      }
    }
    const issues = issuesOf({ ...valid, holidays: everyDay, overrides: {} });
    expect(issues.find((i) => i.path === "holidays")?.message).toContain("no open time");
  });

  it("a value that is not an object is refused at the root", () => {
    expect(issuesOf("office")[0]?.path).toBe("");
  });

  it("a 24x7 calendar with stray fields names them", () => {
    expect(issuesOf({ id: "24x7", kind: "24x7", timeZone: "UTC" }).map((i) => i.path)).toEqual(["timeZone"]);
  });

  it("paths compose inside a policy's named calendars", () => {
    const decode = decodeWith(t.record(t.string, CalendarDefC), "calendars");
    const r = decode({
      office: {
        ...valid,
        week: {
          mon: [
            ["09:00", "12:00"],
            ["10:00", "11:00"],
          ],
        },
      },
    });
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(["office.week.mon[1]"]);
  });
});
