/**
 * One walk over a ticket's status spans, counting clocks' time (docs/design/sla-semantics.md#clocks, docs/design/sla-semantics.md#time).
 * Consecutive counting spans are merged into one run, so the calendar is asked once per run,
 * not once per span; and the walk also finds the instant each clock's counted time reaches
 * its threshold. Opened outside business hours: counting starts at the next opening by the
 * calendar's own arithmetic (`between` counts only open time). Resolved and closed are always
 * in the mask.
 *
 * Clocks with the same start, pause mask and calendar (plan and resolution, as a rule) share
 * one walk and its calendar calls: each takes the counted time of the runs before its end,
 * plus the part of the run its end falls in. The sums are of whole milliseconds, so a shared
 * walk gives exactly what a walk per clock gives (`between` is additive: docs/design/sla-semantics.md#calendars).
 *
 * Hot path (bench/sla): no allocation; records are reused. The walks read the spans of the
 * ticket their reader gathered (clock-facts.ts), not the state; each reader owns its walk
 * (`createClockWalk`), so nothing is shared between readers or calls.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { ClockFacts } from "./clock-facts.js";

/** One clock of a walk: `end` and `threshold` are read, `elapsed` and `reachedAt` written. */
export interface ClockCount {
  /** The clock counts in [start, end); +∞ lets the last span run for ever (to find a future instant). */
  end: Instant;
  /** The counted time whose instant is wanted. */
  threshold: Duration;
  /** Counted time in [start, end). */
  elapsed: Duration;
  /** First instant the counted time reaches the threshold; NaN when it does not in [start, end). */
  reachedAt: Instant;
  /** Internal: the clock's end has been passed. */
  done: boolean;
}

export const clockCount = (): ClockCount => ({
  end: 0,
  threshold: 0,
  elapsed: 0,
  reachedAt: Number.NaN,
  done: false,
});

const NO_CLOCKS: readonly ClockCount[] = [];

/** The state of one walk, owned by one reader: the facts it walks and the clocks it counts. */
export interface ClockWalk {
  readonly facts: ClockFacts;
  cal: BusinessCalendar | null;
  /** Counted time of the runs walked so far. */
  cum: Duration;
  clocks: readonly ClockCount[];
  size: number;
  /** The record `countTime` returns, and the group of one that holds it. */
  readonly single: ClockCount;
  readonly one: readonly ClockCount[];
}

/** A walk over the spans of `facts`. */
export const createClockWalk = (facts: ClockFacts): ClockWalk => {
  const single = clockCount();
  return { facts, cal: null, cum: 0, clocks: NO_CLOCKS, size: 0, single, one: [single] };
};

/** Adds the counting run [a, b) to every clock still running; an open-ended run (b = ∞) only locates thresholds. */
const addRun = (w: ClockWalk, a: Instant, b: Instant): void => {
  if (b <= a) return;
  const cal = w.cal as BusinessCalendar;
  const clocks = w.clocks;
  const size = w.size;
  const cum = w.cum;
  let d = Number.NaN;
  for (let j = 0; j < size; j++) {
    const c = clocks[j] as ClockCount;
    if (c.done) continue;
    if (c.end <= a) {
      c.elapsed = cum;
      c.done = true;
    } else if (c.end < b) {
      // The clock ends inside this run: its own partial run, then it is done.
      const part = cal.between(a, c.end);
      if (Number.isNaN(c.reachedAt) && cum + part >= c.threshold) c.reachedAt = cal.add(a, c.threshold - cum);
      c.elapsed = cum + part;
      c.done = true;
    } else if (b === Number.POSITIVE_INFINITY) {
      if (Number.isNaN(c.reachedAt)) c.reachedAt = cal.add(a, c.threshold - cum);
    } else {
      if (Number.isNaN(d)) d = cal.between(a, b);
      if (Number.isNaN(c.reachedAt) && cum + d >= c.threshold) c.reachedAt = cal.add(a, c.threshold - cum);
    }
  }
  if (!Number.isNaN(d)) w.cum = cum + d;
};

/**
 * Counts, for each of the first `count` clocks of `group`, the time of the gathered ticket's spans in
 * [start, clock.end) whose status is not in `pauseMask`, on `calendar`, and locates each
 * clock's threshold. The clocks' records are written in place.
 */
export const countClocks = (
  w: ClockWalk,
  start: Instant,
  pauseMask: number,
  calendar: BusinessCalendar,
  group: readonly ClockCount[],
  count: number,
): void => {
  w.cal = calendar;
  w.cum = 0;
  w.clocks = group;
  w.size = count;
  let horizon = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < count; j++) {
    const c = group[j] as ClockCount;
    c.elapsed = 0;
    c.reachedAt = Number.NaN;
    c.done = false;
    if (c.end > horizon) horizon = c.end;
  }
  let runStart = Number.NaN;
  const { froms, bits, spanCount: n } = w.facts;
  for (let i = 0; i < n; i++) {
    const from = froms[i] as number;
    if (from >= horizon) break;
    const next = i + 1 < n ? (froms[i + 1] as number) : Number.POSITIVE_INFINITY;
    if (next <= start) continue;
    if (((bits[i] as number) & pauseMask) === 0) {
      if (Number.isNaN(runStart)) runStart = from > start ? from : start;
    } else if (!Number.isNaN(runStart)) {
      addRun(w, runStart, from);
      runStart = Number.NaN;
    }
  }
  if (!Number.isNaN(runStart)) addRun(w, runStart, horizon);
  for (let j = 0; j < count; j++) {
    const c = group[j] as ClockCount;
    if (!c.done) c.elapsed = w.cum;
  }
  w.clocks = NO_CLOCKS;
  w.cal = null;
};

/**
 * One clock of the gathered ticket: counts [start, end) and locates `reach` (a counted
 * duration from `start`). The returned record is reused by the next call: read it before
 * calling again.
 */
export const countTime = (
  w: ClockWalk,
  start: Instant,
  end: Instant,
  pauseMask: number,
  calendar: BusinessCalendar,
  reach: Duration,
): ClockCount => {
  const single = w.single;
  single.end = end;
  single.threshold = reach;
  countClocks(w, start, pauseMask, calendar, w.one, 1);
  return single;
};
