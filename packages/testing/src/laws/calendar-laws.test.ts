/**
 * The calendar laws hold for the core's calendars — realistic random ones and the five
 * policies' — and fail, naming the law and the instant, for an implementation with a bug
 * (mutation checks: a calendar that says it is open a minute early, one whose `add` overshoots
 * an interval's end).
 */
import { type BusinessCalendar, type CalendarDef, compileCalendar, MINUTE } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDefArb, weeklyCalendarArb } from "../calendar/calendars.js";
import { calendarLaws, checkCalendarLaws } from "./calendar-laws.js";
import { LawsFailed, runLaw } from "./law.js";

const lunchBreak: CalendarDef = {
  id: "berlin-office",
  version: 3,
  timeZone: "Europe/Berlin",
  week: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [
      d,
      [
        ["08:00", "12:00"],
        ["13:00", "17:00"],
      ],
    ]),
  ),
  holidays: ["12-25", "12-26", { easter: -2 }, { easter: 1 }],
  overrides: { "12-24": [["08:00", "12:00"]] },
};

/** The core's calendar with one thing wrong. */
const mutant = (change: (cal: BusinessCalendar) => Partial<BusinessCalendar>) => (def: CalendarDef) => {
  const cal = compileCalendar(def);
  return { ...cal, ...change(cal) } as BusinessCalendar;
};

const failureOf = (def: CalendarDef, implementation: (def: CalendarDef) => BusinessCalendar): LawsFailed => {
  try {
    checkCalendarLaws(def, { implementation, numRuns: 50, seed: 42 });
  } catch (error) {
    if (error instanceof LawsFailed) return error;
    throw error;
  }
  throw new Error("the laws passed a calendar with a bug");
};

describe("checkCalendarLaws", () => {
  it("every law holds for a Berlin office with a lunch break, holidays and a half day", () => {
    const report = checkCalendarLaws(lunchBreak, { numRuns: 40 });
    expect(report.outcomes.map((o) => o.status)).toEqual(Array(9).fill("passed"));
  });

  it("every law holds for random desks' calendars (zones with DST, lunch breaks, holidays, 24x7)", () => {
    fc.assert(
      fc.property(calendarDefArb(), (def) => {
        checkCalendarLaws(def, { numRuns: 6 });
      }),
      { numRuns: 15 },
    );
  });

  it("mutation: a calendar open a minute before it opens breaks the oracle law, naming the instant", () => {
    const early = mutant((cal) => ({ isOpen: (t) => cal.isOpen(t) || cal.isOpen(t + MINUTE) }));
    const error = failureOf(lunchBreak, early);
    expect(error.report.failed.map((o) => o.id)).toContain("oracle-open");
    expect(error.message).toMatch(/isOpen\(\w{3} \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Berlin \(/);
  });

  it("mutation: an add that overshoots an interval's end by a minute breaks 'a deadline lies in open time' and the oracle", () => {
    const overshoot = mutant((cal) => ({
      add: (t, d) => {
        const r = cal.add(t, d);
        return d > 0 && !cal.isOpen(r) ? r + MINUTE : r;
      },
    }));
    const error = failureOf(lunchBreak, overshoot);
    expect(error.report.failed.map((o) => o.id)).toEqual(
      expect.arrayContaining(["add-lands-open", "oracle-add-subtract"]),
    );
  });

  it("a law can be skipped, with its reason in the report", () => {
    const report = checkCalendarLaws(weekly(), { numRuns: 5, skip: { "oracle-between": "slow on this machine" } });
    expect(report.skipped).toEqual([
      expect.objectContaining({ id: "oracle-between", status: "skipped", reason: "slow on this machine" }),
    ]);
  });

  it("each law runs alone too (a test per law)", () => {
    const laws = calendarLaws(lunchBreak);
    expect(laws.map((l) => l.id)).toHaveLength(9);
    expect(runLaw(laws[0] as (typeof laws)[number], { numRuns: 10 }).status).toBe("passed");
  });
});

const weekly = (): CalendarDef => fc.sample(weeklyCalendarArb(), { numRuns: 1, seed: 1 })[0] as CalendarDef;
