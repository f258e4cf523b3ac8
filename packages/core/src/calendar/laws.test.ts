/**
 * The calendar laws (docs/design/sla-semantics.md#calendars), as fast-check properties on random calendars in
 * zones with every kind of DST, each also checked against the naive minute-stepping oracle.
 */

import { type CalendarCase, calendarCaseArb, calendarDurationArb, oracleWindowOf } from "@ticketfold/testing";
import { minuteOracle } from "@ticketfold/testing/laws";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeCalendar } from "./compile.js";
import type { BusinessCalendar } from "./types.js";

const MIN = 60_000;
const RUNS = { numRuns: 100 };

const compiled = (c: CalendarCase): BusinessCalendar => {
  const cal = decodeCalendar(c.def);
  if (E.isLeft(cal)) throw new Error(`generated an invalid calendar: ${cal.left.message}`);
  return cal.right;
};

/** A case with two durations and a second instant within a day of the first. */
const withDurations = calendarCaseArb.chain((c) =>
  fc.record({
    c: fc.constant(c),
    d: calendarDurationArb(c),
    e: calendarDurationArb(c),
    shift: fc.integer({ min: -1440, max: 1440 }).map((m) => m * MIN),
  }),
);

describe("calendar laws on random calendars", () => {
  it("law: between(t, add(t, d)) = d", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d }) => {
        const cal = compiled(c);
        expect(cal.between(c.t, cal.add(c.t, d))).toBe(d);
      }),
      RUNS,
    );
  });

  it("law: add(add(t, a), b) = add(t, a + b)", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, e }) => {
        const cal = compiled(c);
        expect(cal.add(cal.add(c.t, d), e)).toBe(cal.add(c.t, d + e));
      }),
      RUNS,
    );
  });

  it("law: between(a, c) = between(a, b) + between(b, c) for a ≤ b ≤ c (and between is antisymmetric)", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, shift }) => {
        const cal = compiled(c);
        const [a, b, z] = [c.t, c.t + Math.abs(shift), c.t + Math.abs(shift) + d];
        expect(cal.between(a, z)).toBe(cal.between(a, b) + cal.between(b, z));
        expect(cal.between(z, a) + cal.between(a, z)).toBe(0);
      }),
      RUNS,
    );
  });

  it("law: add is monotonic in the instant and in the duration", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, e, shift }) => {
        const cal = compiled(c);
        const [t1, t2] = shift < 0 ? [c.t + shift, c.t] : [c.t, c.t + shift];
        expect(cal.add(t1, d)).toBeLessThanOrEqual(cal.add(t2, d));
        expect(cal.add(c.t, Math.min(d, e))).toBeLessThanOrEqual(cal.add(c.t, Math.max(d, e)));
      }),
      RUNS,
    );
  });

  it("law: add(t, d > 0) lies inside or at the end of an open interval", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d }) => {
        fc.pre(d > 0);
        const cal = compiled(c);
        const r = cal.add(c.t, d);
        expect(r).toBeGreaterThan(c.t);
        // Open just before the result: the last counted millisecond is open time.
        expect(cal.isOpen(r - 1)).toBe(true);
      }),
      RUNS,
    );
  });

  it("law: subtract inverts add — subtract(add(t, d), d) = nextOpen(t), add(subtract(u, e), e) = u", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, e }) => {
        fc.pre(d > 0);
        const cal = compiled(c);
        const u = cal.add(c.t, d);
        expect(cal.subtract(u, d)).toBe(cal.nextOpen(c.t));
        expect(cal.add(cal.subtract(u, e), e)).toBe(u);
        expect(cal.between(cal.subtract(c.t, e), c.t)).toBe(e);
      }),
      RUNS,
    );
  });
});

describe("every operation agrees with the naive minute-stepping oracle", () => {
  it("isOpen and nextOpen", () => {
    fc.assert(
      fc.property(withDurations, ({ c, shift }) => {
        const cal = compiled(c);
        const [from, to] = oracleWindowOf(c);
        const oracle = minuteOracle(c.def, from, to);
        for (const t of [c.t, c.t + shift, c.t - MIN, c.t + MIN]) {
          expect(cal.isOpen(t)).toBe(oracle.isOpen(t));
          expect(cal.nextOpen(t)).toBe(oracle.nextOpen(t));
        }
      }),
      RUNS,
    );
  });

  it("add and subtract", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, e }) => {
        const cal = compiled(c);
        const [from, to] = oracleWindowOf(c);
        const oracle = minuteOracle(c.def, from, to);
        expect(cal.add(c.t, d)).toBe(oracle.add(c.t, d));
        expect(cal.subtract(c.t, e)).toBe(oracle.subtract(c.t, e));
        expect(cal.add(c.t, -e)).toBe(oracle.subtract(c.t, e));
      }),
      RUNS,
    );
  });

  it("between", () => {
    fc.assert(
      fc.property(withDurations, ({ c, d, shift }) => {
        const cal = compiled(c);
        const [from, to] = oracleWindowOf(c);
        const oracle = minuteOracle(c.def, from, to);
        const b = c.t + shift + d;
        expect(cal.between(c.t, b)).toBe(oracle.between(c.t, b));
        expect(cal.between(b, c.t)).toBe(oracle.between(b, c.t));
      }),
      RUNS,
    );
  });
});
