/**
 * fast-check arbitraries for holiday rules that land near the instant under test, so the laws
 * and the minute oracle meet them: an nth weekday (counted from the start or the end of the
 * month, with an offset), an Easter offset, or a date (yearly or one-off) with any observed
 * rule — each sometimes bounded by `from`/`until` years that include or exclude the nearby
 * occurrence, and sometimes named.
 */
import type { HolidayRule } from "@ticketfold/core";
import fc from "fast-check";
import type { Temporal } from "temporal-polyfill";
import { easterOf } from "./oracleEaster.js";

type Nth = Extract<HolidayRule, { nth: unknown }>["nth"];

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export interface RuleSeed {
  readonly kind: "nth" | "easter" | "date";
  /** Days from the local date of the instant under test. */
  readonly day: number;
  /** For a date rule: 0 keeps the day, 6 or 7 moves it to the next Saturday or Sunday (observed moves). */
  readonly weekend: 0 | 6 | 7;
  readonly offset: number;
  readonly fromEnd: boolean;
  readonly yearly: boolean;
  readonly observed: "us-federal" | "nearest-weekday" | "next-monday" | undefined;
  readonly bound: "none" | "from" | "until";
  readonly boundShift: number;
  readonly named: boolean;
}

export const ruleSeed: fc.Arbitrary<RuleSeed> = fc.record({
  kind: fc.constantFrom("nth", "easter", "date"),
  day: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.integer({ min: -15, max: 40 })),
  weekend: fc.constantFrom(0, 6, 7),
  offset: fc.integer({ min: -3, max: 3 }),
  fromEnd: fc.boolean(),
  yearly: fc.boolean(),
  observed: fc.constantFrom(undefined, "us-federal", "nearest-weekday", "next-monday"),
  bound: fc.constantFrom("none", "from", "until"),
  boundShift: fc.integer({ min: -1, max: 1 }),
  named: fc.boolean(),
});

const nthRule = (target: Temporal.PlainDate, offset: number, fromEnd: boolean) => {
  const base = target.subtract({ days: offset });
  const fromStart = Math.ceil(base.day / 7);
  const fromLast = -Math.ceil((base.daysInMonth - base.day + 1) / 7);
  const nth = ((fromEnd && fromLast >= -4) || fromStart > 4 ? fromLast : fromStart) as Nth;
  return { month: base.month, weekday: DAY_NAMES[base.dayOfWeek - 1]!, nth, ...(offset === 0 ? {} : { offset }) };
};

/** A rule whose holiday lands on (or, observed, next to) `near`, the local date `day` days from t. */
export const ruleFrom = (seed: RuleSeed, near: Temporal.PlainDate): HolidayRule => {
  const easter = near.since(easterOf(near.year)).days;
  const oneOff = seed.kind === "date" && !seed.yearly;
  const year = near.year + seed.boundShift;
  const years = oneOff || seed.bound === "none" ? {} : seed.bound === "from" ? { from: year } : { until: year };
  const name = seed.named ? { name: `holiday ${seed.kind} ${seed.day}` } : {};
  if (seed.kind === "easter" && easter >= -80 && easter <= 249) return { easter, ...years, ...name };
  if (seed.kind === "date") {
    const day = seed.weekend === 0 ? near : near.add({ days: (seed.weekend - near.dayOfWeek + 7) % 7 });
    const date = seed.yearly ? day.toString().slice(5) : day.toString();
    return { date, ...(seed.observed === undefined ? {} : { observed: seed.observed }), ...years, ...name };
  }
  return { ...nthRule(near, seed.offset, seed.fromEnd), ...years, ...name };
};
