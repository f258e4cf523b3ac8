/**
 * One compiled year of a weekly calendar: its open time as sorted, disjoint UTC intervals
 * with running sums (prefix sums) of open time, so every operation is a binary search.
 *
 * Year `Y` covers the instants `[start, end)` from local midnight of Y-01-01 to local midnight
 * of (Y+1)-01-01. The years partition the time line, so holidays and spans across New Year
 * are just a step from one year to the next. Business time is real elapsed time: each
 * interval is resolved to instants on its own (a DST day is an hour shorter or longer) and
 * the open time is the union of the resolved intervals (docs/design/sla-semantics.md#time).
 */
import { DAY, MINUTE } from "../shared/duration.js";
import { daysFromCivil } from "./civilDate.js";
import type { DayRules } from "./dayRules.js";
import { wallResolver } from "./wallResolver.js";

export interface YearSpans {
  readonly year: number;
  /** First instant of the year (local midnight of Jan 1). */
  readonly start: number;
  /** First instant of the next year. */
  readonly end: number;
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** `cum[k]` = open time of intervals `0 … k-1`; `cum[count]` = `total`. */
  readonly cum: Float64Array;
  readonly total: number;
  /**
   * Day index (bench/sla): `dayFirst[d]` is the first interval starting at or after
   * `start + d · 24 h`, so finding the interval at an instant scans one day's intervals
   * instead of binary-searching the year's.
   */
  readonly dayFirst: Int32Array;
}

export const compileYear = (year: number, zone: string, rules: DayRules): YearSpans => {
  const first = daysFromCivil(year, 1, 1);
  const next = daysFromCivil(year + 1, 1, 1);
  // Intervals of Dec 31 before and Jan 1 after can reach into the year when an offset change
  // sits near midnight; resolve them too and clip to the year.
  const resolve = wallResolver(zone, (first - 1) * DAY, (next + 2) * DAY);
  const start = resolve(first * DAY);
  const end = resolve(next * DAY);
  const raw: [number, number][] = [];
  for (let days = first - 1; days <= next; days++) {
    for (const [from, to] of rules(days)) {
      const a = Math.max(start, resolve(days * DAY + from * MINUTE));
      const b = Math.min(end, resolve(days * DAY + to * MINUTE));
      if (b > a) raw.push([a, b]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  const count = merged.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const cum = new Float64Array(count + 1);
  merged.forEach(([a, b], k) => {
    starts[k] = a;
    ends[k] = b;
    cum[k + 1] = cum[k]! + (b - a);
  });
  const buckets = Math.ceil((end - start) / DAY);
  const dayFirst = new Int32Array(buckets + 2);
  for (let d = 0, k = 0; d < dayFirst.length; d++) {
    while (k < count && starts[k]! < start + d * DAY) k++;
    dayFirst[d] = k;
  }
  return { year, start, end, count, starts, ends, cum, total: cum[count]!, dayFirst };
};

/** Index of the last interval starting at or before `at`; -1 when none. */
export const lastStartAtOrBefore = (y: YearSpans, at: number): number => {
  if (at < y.start) return -1;
  // Intervals before the day's bucket all start before `at`; scan down from the next bucket.
  const d = Math.floor((at - y.start) / DAY);
  let k = d + 1 < y.dayFirst.length ? y.dayFirst[d + 1]! - 1 : y.count - 1;
  while (k >= 0 && y.starts[k]! > at) k--;
  return k;
};

export const openTimeBefore = (y: YearSpans, at: number): number => {
  const k = lastStartAtOrBefore(y, at);
  if (k < 0) return 0;
  return y.cum[k]! + Math.min(at, y.ends[k]!) - y.starts[k]!;
};

/**
 * The earliest instant with `open` open time of the year before it (0 < open ≤ total): a
 * budget that runs out exactly at an interval's end is that end (docs/design/sla-semantics.md#time).
 */
export const instantAfterOpenTime = (y: YearSpans, open: number): number => {
  let lo = 0;
  let hi = y.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (y.cum[mid + 1]! >= open) hi = mid;
    else lo = mid + 1;
  }
  return y.starts[lo]! + (open - y.cum[lo]!);
};

/**
 * The latest instant with `open` open time of the year before it (0 ≤ open < total): walking
 * backwards, a budget that runs out exactly at an interval's start is that start.
 */
export const latestInstantWithOpenTime = (y: YearSpans, open: number): number => {
  let lo = 0;
  let hi = y.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (y.cum[mid]! <= open) lo = mid;
    else hi = mid - 1;
  }
  return y.starts[lo]! + (open - y.cum[lo]!);
};
