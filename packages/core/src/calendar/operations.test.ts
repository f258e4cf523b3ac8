/**
 * The operations' rules one by one (docs/design/sla-semantics.md#time, docs/design/sla-semantics.md#calendars): half-open intervals, the end
 * of an interval, add(t, 0), negative spans, holidays vs overrides, New Year, far years, 24x7.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "../shared/duration.js";
import { compileCalendar, decodeCalendar } from "./compile.js";
import { at, iso, weekdays } from "./fixtures.test-support.js";
import { twentyFourSeven } from "./twentyFourSeven.js";

const office = weekdays("UTC", [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
]);

describe("half-open intervals [start, end)", () => {
  it.each([
    ["2025-03-03T08:59", false, "2025-03-03T09:00"],
    ["2025-03-03T09:00", true, "2025-03-03T09:00"],
    ["2025-03-03T11:59", true, "2025-03-03T11:59"],
    ["2025-03-03T12:00", false, "2025-03-03T13:00"],
    ["2025-03-03T17:00", false, "2025-03-04T09:00"],
    ["2025-03-07T17:00", false, "2025-03-10T09:00"],
    ["2025-03-08T12:00", false, "2025-03-10T09:00"],
  ])("at %s: isOpen %s, nextOpen %s", (t, open, next) => {
    expect(office.isOpen(at(t))).toBe(open);
    expect(iso(office.nextOpen(at(t)))).toBe(iso(at(next)));
  });
});

describe("add, subtract and between", () => {
  it.each([
    ["a budget that runs out at an interval's end is that end", "2025-03-03T09:00", 3 * HOUR, "2025-03-03T12:00"],
    ["…also at the end of the day", "2025-03-03T13:00", 4 * HOUR, "2025-03-03T17:00"],
    ["a start in closed time counts from the next opening", "2025-03-03T12:10", 30 * MINUTE, "2025-03-03T13:30"],
    ["a start on Saturday counts from Monday", "2025-03-08T10:00", HOUR, "2025-03-10T10:00"],
    ["add(t, 0) is t itself, even in closed time", "2025-03-08T10:00", 0, "2025-03-08T10:00"],
    ["a negative duration walks backwards", "2025-03-10T10:00", -2 * HOUR, "2025-03-07T16:00"],
  ])("add: %s", (_rule, t, d, expected) => {
    expect(iso(office.add(at(t), d))).toBe(iso(at(expected)));
  });

  it.each([
    [
      "walking back, a budget that runs out at an interval's start is that start",
      "2025-03-03T12:00",
      3 * HOUR,
      "2025-03-03T09:00",
    ],
    ["from closed time it counts back from the last closing", "2025-03-03T12:40", HOUR, "2025-03-03T11:00"],
    ["across the weekend", "2025-03-10T10:00", 2 * HOUR, "2025-03-07T16:00"],
    ["subtract(t, 0) is t itself", "2025-03-08T10:00", 0, "2025-03-08T10:00"],
  ])("subtract: %s", (_rule, t, d, expected) => {
    expect(iso(office.subtract(at(t), d))).toBe(iso(at(expected)));
  });

  it("between counts open time in [a, b) and is negative when b < a", () => {
    expect(office.between(at("2025-03-03T11:00"), at("2025-03-03T14:00"))).toBe(2 * HOUR);
    expect(office.between(at("2025-03-03T14:00"), at("2025-03-03T11:00"))).toBe(-2 * HOUR);
    expect(office.between(at("2025-03-08T00:00"), at("2025-03-09T00:00"))).toBe(0);
  });
});

describe("holidays and overrides", () => {
  const cal = weekdays("UTC", [["09:00", "17:00"]], {
    holidays: ["12-24", "12-25", "12-26", "01-01", "2025-12-31"],
    overrides: { "2024-12-24": [["09:00", "12:00"]], "12-31": [["09:00", "13:00"]] },
  });

  it.each([
    ["a one-off override beats a yearly holiday: 2024-12-24 is a half day", "2024-12-24T00:00", 3 * HOUR],
    ["the yearly holiday closes 12-24 in the other years", "2025-12-24T00:00", 0],
    ["yearly holidays close the day every year: 2024-12-25", "2024-12-25T00:00", 0],
    ["a yearly override gives the day its own hours: 2024-12-31", "2024-12-31T00:00", 4 * HOUR],
    ["a one-off holiday beats a yearly override: 2025-12-31", "2025-12-31T00:00", 0],
    ["an ordinary weekday has the template's hours", "2024-12-23T00:00", 8 * HOUR],
  ])("%s", (_rule, day, open) => {
    expect(cal.between(at(day), at(day) + DAY)).toBe(open);
  });

  it("spans across New Year step over the holidays of both years", () => {
    const t = at("2024-12-30T16:00");
    // Dec 30: 1h; Dec 31: yearly override 09–13 (4h); Jan 1 closed; Thu Jan 2 from 09:00.
    expect(iso(cal.add(t, 6 * HOUR))).toBe("2025-01-02T10:00:00.000Z");
    expect(cal.between(t, at("2025-01-02T10:00"))).toBe(6 * HOUR);
    expect(iso(cal.subtract(at("2025-01-02T10:00"), 6 * HOUR))).toBe("2024-12-30T16:00:00.000Z");
  });
});

describe("far years are compiled lazily and spans may cross many of them", () => {
  const berlin = weekdays("Europe/Berlin", [["09:00", "17:00"]]);

  it("1970-01-01 (a Thursday) opens at 09:00 CET", () => {
    expect(iso(berlin.add(at("1970-01-01T00:00"), 8 * HOUR))).toBe("1970-01-01T16:00:00.000Z");
  });

  it("between 1970 and 2200 is 8h per weekday, and add walks the same span back", () => {
    const [from, to] = [at("1970-01-01T00:00"), at("2200-01-01T00:00")];
    let weekdayCount = 0;
    for (let d = 0; d < (to - from) / DAY; d++) if ((d + 3) % 7 < 5) weekdayCount++;
    expect(berlin.between(from, to)).toBe(weekdayCount * 8 * HOUR);
    // 2200-01-01 is a Wednesday: the budget ends at Tuesday's 17:00 CET.
    expect(iso(berlin.add(from, weekdayCount * 8 * HOUR))).toBe("2199-12-31T16:00:00.000Z");
  });

  it("instants outside the years 0001–9999 are a RangeError, not a wrong answer", () => {
    expect(() => berlin.isOpen(at("+010000-06-01T00:00"))).toThrow(RangeError);
    expect(() => berlin.add(at("9999-12-30T00:00"), 400 * DAY)).toThrow(RangeError);
  });
});

describe("versions and the built-in 24x7 calendar", () => {
  it("a compiled calendar carries its definition's id and version", () => {
    const cal = compileCalendar({
      id: "office",
      version: 7,
      timeZone: "Europe/Berlin",
      week: { mon: [["09:00", "17:00"]] },
    });
    expect([cal.id, cal.version, cal.timeZone]).toEqual(["office", 7, "Europe/Berlin"]);
  });

  it("24x7 counts plain elapsed time", () => {
    const t = at("2025-03-08T10:00");
    expect([twentyFourSeven.id, twentyFourSeven.version]).toEqual(["24x7", 1]);
    expect(twentyFourSeven.isOpen(t)).toBe(true);
    expect(twentyFourSeven.nextOpen(t)).toBe(t);
    expect(twentyFourSeven.add(t, 90 * MINUTE)).toBe(t + 90 * MINUTE);
    expect(twentyFourSeven.subtract(t, HOUR)).toBe(t - HOUR);
    expect(twentyFourSeven.between(t + HOUR, t)).toBe(-HOUR);
  });

  it('{ "id": "24x7", "kind": "24x7" } decodes to an always-open calendar (version 1 unless given)', () => {
    const plain = decodeCalendar({ id: "24x7", kind: "24x7" });
    const versioned = decodeCalendar({ id: "always", kind: "24x7", version: 2 });
    expect(E.isRight(plain) && [plain.right.id, plain.right.version, plain.right.between(0, HOUR)]).toEqual([
      "24x7",
      1,
      HOUR,
    ]);
    expect(E.isRight(versioned) && [versioned.right.id, versioned.right.version]).toEqual(["always", 2]);
  });
});
