/**
 * Easter Sunday by the Gregorian computus (docs/design/sla-semantics.md#calendars — Easter-relative holidays):
 * known dates, including the earliest (March 22) and latest (April 25) possible, and agreement
 * with Gauss's algorithm, an independent method, over every Gregorian year the calendar knows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../shared/duration.js";
import { isoDateOf, weekdayOf } from "./civilDate.js";
import { easterSunday } from "./easter.js";

/** Gauss's Easter algorithm with its two exceptions, on JavaScript dates. */
const gaussEaster = (y: number): number => {
  const [a, b, c, k] = [y % 19, y % 4, y % 7, Math.floor(y / 100)];
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (15 - p + k - q) % 30;
  const n = (4 + k - q) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  let [month, day] = 22 + d + e <= 31 ? [2, 22 + d + e] : [3, d + e - 9];
  if (d === 29 && e === 6) [month, day] = [3, 19];
  if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) [month, day] = [3, 18];
  return Date.UTC(y, month, day) / DAY;
};

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2000, "2000-04-23"],
    [1583, "1583-04-10"],
    [1818, "1818-03-22"],
    [2285, "2285-03-22"],
    [1943, "1943-04-25"],
    [2038, "2038-04-25"],
    [2100, "2100-03-28"],
    [9999, "9999-03-28"],
  ])("Easter %i is %s", (year, date) => {
    expect(isoDateOf(easterSunday(year))).toBe(date);
  });

  it("agrees with Gauss's algorithm, and is a Sunday from March 22 to April 25, in every year 1583–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(easter).toBe(gaussEaster(year));
        expect(weekdayOf(easter)).toBe(6);
        const date = isoDateOf(easter).slice(5);
        expect(date >= "03-22" && date <= "04-25").toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
