/**
 * A weekly business calendar as a `BusinessCalendar`. Years are compiled lazily, on first
 * use, and cached (`yearSpans.ts`); each operation finds its year and does binary searches
 * on the year's prefix sums of open time, stepping year by year only for spans that cross
 * New Year (docs/design/sla-semantics.md#calendars).
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { utcYearOf } from "./civilDate.js";
import type { DayRules } from "./dayRules.js";
import type { BusinessCalendar } from "./types.js";
import {
  compileYear,
  instantAfterOpenTime,
  lastStartAtOrBefore,
  latestInstantWithOpenTime,
  openTimeBefore,
  type YearSpans,
} from "./yearSpans.js";

/** Years a calendar computes in (local years); outside them operations throw a RangeError. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

export interface WeeklyCalendarSpec {
  readonly id: string;
  readonly version: number;
  readonly timeZone: string;
  readonly rules: DayRules;
}

export const weeklyCalendar = ({ id, version, timeZone, rules }: WeeklyCalendarSpec): BusinessCalendar => {
  const years = new Map<number, YearSpans>();
  let recent: YearSpans | undefined;

  const year = (y: number): YearSpans => {
    if (!(y >= FIRST_YEAR && y <= LAST_YEAR)) {
      throw new RangeError(`calendar "${id}": year ${y} is outside the supported years ${FIRST_YEAR}–${LAST_YEAR}`);
    }
    let spans = years.get(y);
    if (spans === undefined) {
      spans = compileYear(y, timeZone, rules);
      years.set(y, spans);
    }
    return spans;
  };

  /** The year whose instants contain `at` (a UTC year differs from the local one by at most one). */
  const yearAt = (at: Instant): YearSpans => {
    if (recent !== undefined && recent.start <= at && at < recent.end) return recent;
    if (!Number.isFinite(at)) throw new RangeError(`calendar "${id}": ${at} is not an instant`);
    let spans = year(utcYearOf(at));
    if (at < spans.start) spans = year(spans.year - 1);
    else if (at >= spans.end) spans = year(spans.year + 1);
    recent = spans;
    return spans;
  };

  const checkDuration = (d: Duration): void => {
    if (!Number.isFinite(d)) throw new RangeError(`calendar "${id}": ${d} is not a duration`);
  };

  const isOpen = (at: Instant): boolean => {
    const y = yearAt(at);
    const k = lastStartAtOrBefore(y, at);
    return k >= 0 && at < y.ends[k]!;
  };

  const nextOpen = (at: Instant): Instant => {
    let y = yearAt(at);
    const k = lastStartAtOrBefore(y, at);
    if (k >= 0 && at < y.ends[k]!) return at;
    if (k + 1 < y.count) return y.starts[k + 1]!;
    do y = year(y.year + 1);
    while (y.count === 0);
    return y.starts[0]!;
  };

  const add = (at: Instant, d: Duration): Instant => {
    checkDuration(d);
    if (d < 0) return subtract(at, -d);
    // add(t, 0) is t itself, open or not: no budget, no move (documented in docs/calendars.md).
    if (d === 0) return at;
    let y = yearAt(at);
    let open = openTimeBefore(y, at) + d;
    while (open > y.total) {
      open -= y.total;
      y = year(y.year + 1);
    }
    return instantAfterOpenTime(y, open);
  };

  const subtract = (at: Instant, d: Duration): Instant => {
    checkDuration(d);
    if (d < 0) return add(at, -d);
    if (d === 0) return at;
    let y = yearAt(at);
    let open = openTimeBefore(y, at) - d;
    while (open < 0) {
      y = year(y.year - 1);
      open += y.total;
    }
    return latestInstantWithOpenTime(y, open);
  };

  const between = (a: Instant, b: Instant): Duration => {
    // 0 - x, not -x: an empty backwards span is 0, never -0.
    if (b < a) return 0 - between(b, a);
    const ya = yearAt(a);
    const yb = yearAt(b);
    if (ya === yb) return openTimeBefore(yb, b) - openTimeBefore(ya, a);
    let sum = ya.total - openTimeBefore(ya, a);
    for (let y = ya.year + 1; y < yb.year; y++) sum += year(y).total;
    return sum + openTimeBefore(yb, b);
  };

  return { id, version, timeZone, isOpen, nextOpen, add, subtract, between };
};
