/**
 * One walk over a ticket's status spans, counting a metric's time (semantics: Clocks, Time).
 * Consecutive counting spans are merged into one run, so the calendar is asked once per run,
 * not once per span; and the walk also finds the instant the counted time reaches a threshold.
 * Opened outside business hours: counting starts at the next opening by the calendar's own
 * arithmetic (`between` counts only open time). Resolved and closed are always in the mask.
 *
 * Hot path (100,000 tickets in well under 200 ms): no allocation, results in a reused record.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { StatusSpan } from "../ticket/state.js";
import { statusBit } from "./compiled.js";

export interface CountedTime {
  /** Counted time in [start, end). */
  elapsed: Duration;
  /** First instant the counted time reaches the threshold; NaN when it does not in [start, end). */
  reachedAt: Instant;
}

const result: CountedTime = { elapsed: 0, reachedAt: Number.NaN };

let cal: BusinessCalendar;
let threshold = 0;

/** Adds the run [a, b) to the result; an open-ended run (b = ∞) only locates the threshold. */
const addRun = (a: Instant, b: Instant): void => {
  if (b === Number.POSITIVE_INFINITY) {
    if (Number.isNaN(result.reachedAt)) result.reachedAt = cal.add(a, threshold - result.elapsed);
    return;
  }
  if (b <= a) return;
  const d = cal.between(a, b);
  if (Number.isNaN(result.reachedAt) && result.elapsed + d >= threshold) {
    result.reachedAt = cal.add(a, threshold - result.elapsed);
  }
  result.elapsed += d;
};

/**
 * Counts the time of the spans in [start, end) whose status is not in `pauseMask`, on
 * `calendar`, and locates `reach` (a counted duration from `start`). `end` may be +∞: the last
 * span then runs for ever, which is how the future instant of a running clock is found.
 * The returned record is reused by the next call: read it before calling again.
 */
export const countTime = (
  spans: readonly StatusSpan[],
  start: Instant,
  end: Instant,
  pauseMask: number,
  calendar: BusinessCalendar,
  reach: Duration,
): CountedTime => {
  result.elapsed = 0;
  result.reachedAt = Number.NaN;
  cal = calendar;
  threshold = reach;
  let runStart = Number.NaN;
  const n = spans.length;
  for (let i = 0; i < n; i++) {
    const span = spans[i] as StatusSpan;
    if (span.from >= end) break;
    const next = i + 1 < n ? (spans[i + 1] as StatusSpan).from : Number.POSITIVE_INFINITY;
    if (next <= start) continue;
    const counts = ((statusBit[span.status] ?? 1) & pauseMask) === 0;
    if (counts) {
      if (Number.isNaN(runStart)) runStart = span.from > start ? span.from : start;
    } else if (!Number.isNaN(runStart)) {
      addRun(runStart, span.from);
      runStart = Number.NaN;
    }
  }
  if (!Number.isNaN(runStart)) addRun(runStart, end);
  return result;
};
