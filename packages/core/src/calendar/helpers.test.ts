/**
 * The calendar helpers beside counted time: "next business day at HH:MM" (docs/design/sla-semantics.md#time)
 * and bookable working-session slots (P-A).
 */
import { calendarCaseArb } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { bookableSlots } from "./bookableSlots.js";
import { compileCalendar } from "./compile.js";
import { at, everyDay, iso, weekdays } from "./fixtures.test-support.js";
import { nextBusinessDayAt } from "./nextBusinessDayAt.js";
import { twentyFourSeven } from "./twentyFourSeven.js";

describe("nextBusinessDayAt(cal, at, HH:MM)", () => {
  const berlin = weekdays("Europe/Berlin", [["09:00", "17:00"]], { holidays: ["12-25", "12-26"] });

  it.each([
    ["Friday afternoon → Monday 08:00", "2025-03-07T14:00", "2025-03-10T07:00"],
    ["at's own date never counts, even before 08:00 on a business day", "2025-03-10T05:00", "2025-03-11T07:00"],
    [
      "the date is the local one: Sunday 23:30Z is Monday 00:30 in Berlin → Tuesday",
      "2025-03-09T23:30",
      "2025-03-11T07:00",
    ],
    ["holidays are not business days", "2024-12-24T10:00", "2024-12-27T07:00"],
    ["the wall time keeps its meaning across DST: 08:00 CEST is 06:00Z", "2025-03-28T10:00", "2025-03-31T06:00"],
  ])("%s", (_rule, from, expected) => {
    expect(iso(nextBusinessDayAt(berlin, at(from), "08:00"))).toBe(iso(at(expected)));
  });

  it("the result is not moved to the opening: 08:00 on a day that opens at 09:00 is closed time", () => {
    const r = nextBusinessDayAt(berlin, at("2025-03-07T14:00"), "08:00");
    expect(berlin.isOpen(r)).toBe(false);
    expect(iso(berlin.nextOpen(r))).toBe("2025-03-10T08:00:00.000Z");
  });

  it("a nonexistent wall time (02:30 on spring-forward day) resolves to the later instant, 03:30 CEST", () => {
    const cal = everyDay("Europe/Berlin", [["00:00", "24:00"]]);
    expect(iso(nextBusinessDayAt(cal, at("2024-03-30T12:00"), "02:30"))).toBe("2024-03-31T01:30:00.000Z");
  });

  it("an ambiguous wall time (02:30 on fall-back day) resolves to the earlier instant, 02:30 CEST", () => {
    const cal = everyDay("Europe/Berlin", [["00:00", "24:00"]]);
    expect(iso(nextBusinessDayAt(cal, at("2024-10-26T12:00"), "02:30"))).toBe("2024-10-27T00:30:00.000Z");
  });

  it("a date whose only interval falls into the DST gap has no open time, so it is not a business day", () => {
    const cal = compileCalendar({
      id: "s",
      version: 1,
      timeZone: "Europe/Berlin",
      week: { sun: [["02:00", "03:00"]] },
    });
    expect(iso(nextBusinessDayAt(cal, at("2024-03-29T12:00"), "08:00"))).toBe("2024-04-07T06:00:00.000Z");
  });

  it("on 24x7 every date is a business day (in UTC)", () => {
    expect(iso(nextBusinessDayAt(twentyFourSeven, at("2025-03-07T15:00"), "08:00"))).toBe("2025-03-08T08:00:00.000Z");
  });

  it.each(["8:00", "24:00", "08:60", ""])("a malformed wall time %j is a RangeError", (wall) => {
    expect(() => nextBusinessDayAt(berlin, at("2025-03-07T14:00"), wall)).toThrow(RangeError);
  });
});

describe("bookableSlots(cal, from, to, step, length)", () => {
  const office = weekdays("UTC", [
    ["09:00", "12:00"],
    ["13:00", "17:00"],
  ]);
  const starts = (slots: readonly { start: number; end: number }[]) => slots.map((s) => iso(s.start).slice(0, 16));

  it("P-A: slots every 30 minutes from 14:00 that fit entirely in open time and end by `to`", () => {
    const slots = bookableSlots(office, at("2025-03-03T14:00"), at("2025-03-03T18:00"), 30 * MINUTE, HOUR);
    expect(starts(slots)).toEqual([
      "2025-03-03T14:00",
      "2025-03-03T14:30",
      "2025-03-03T15:00",
      "2025-03-03T15:30",
      "2025-03-03T16:00",
    ]);
    expect(slots.every((s) => s.end - s.start === HOUR)).toBe(true);
  });

  it("a slot may not straddle lunch, and the last must end by `to`", () => {
    const slots = bookableSlots(office, at("2025-03-03T11:00"), at("2025-03-03T15:00"), 30 * MINUTE, HOUR);
    expect(starts(slots)).toEqual(["2025-03-03T11:00", "2025-03-03T13:00", "2025-03-03T13:30", "2025-03-03T14:00"]);
  });

  it("touching intervals are one stretch of open time", () => {
    const cal = weekdays("UTC", [
      ["09:00", "12:00"],
      ["12:00", "13:00"],
    ]);
    const slots = bookableSlots(cal, at("2025-03-03T11:30"), at("2025-03-03T13:00"), 30 * MINUTE, HOUR);
    expect(starts(slots)).toEqual(["2025-03-03T11:30", "2025-03-03T12:00"]);
  });

  it("closed time is skipped and the grid stays anchored at `from`", () => {
    const slots = bookableSlots(office, at("2025-03-07T16:10"), at("2025-03-10T10:30"), 30 * MINUTE, 30 * MINUTE);
    expect(starts(slots)).toEqual(["2025-03-07T16:10", "2025-03-10T09:10", "2025-03-10T09:40"]);
  });

  it("law: exactly the grid slots whose whole span is open time, on random calendars", () => {
    const input = fc.record({
      c: calendarCaseArb,
      step: fc.integer({ min: 1, max: 8 }).map((q) => q * 15 * MINUTE),
      length: fc.integer({ min: 1, max: 12 }).map((q) => q * 15 * MINUTE),
    });
    fc.assert(
      fc.property(input, ({ c, step, length }) => {
        const cal = compileCalendar(c.def);
        const [from, to] = [c.t, c.t + 3 * 24 * HOUR];
        const expected: number[] = [];
        for (let s = from; s + length <= to; s += step) if (cal.between(s, s + length) === length) expected.push(s);
        expect(bookableSlots(cal, from, to, step, length).map((s) => s.start)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("a non-positive step or length is a RangeError", () => {
    expect(() => bookableSlots(office, 0, HOUR, 0, HOUR)).toThrow(RangeError);
    expect(() => bookableSlots(office, 0, HOUR, HOUR, -1)).toThrow(RangeError);
  });
});
