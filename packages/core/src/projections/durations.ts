/**
 * Duration samples as a sorted multiset, and their summary: count, total, mean and the 50th,
 * 90th, 95th and 99th percentiles by the nearest-rank method — the p-th percentile is the value
 * at 1-based rank ⌈p·n/100⌉ of the sorted samples, always one of the samples (no
 * interpolation), computed in integers so every store agrees exactly. Kept sorted so a summary
 * never depends on the order samples arrived in.
 */
import type { Duration } from "../shared/duration.js";

/** Index of the first sample ≥ `value` (binary search). */
const lowerBound = (sorted: readonly Duration[], value: Duration): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Duration) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** A new sorted array with `value` added. */
export const addSample = (sorted: readonly Duration[], value: Duration): readonly Duration[] => {
  const i = lowerBound(sorted, value);
  return [...sorted.slice(0, i), value, ...sorted.slice(i)];
};

/** A new sorted array with one occurrence of `value` removed (unchanged when absent). */
export const removeSample = (sorted: readonly Duration[], value: Duration): readonly Duration[] => {
  const i = lowerBound(sorted, value);
  if (sorted[i] !== value) return sorted;
  return [...sorted.slice(0, i), ...sorted.slice(i + 1)];
};

/** 1-based nearest rank of the p-th percentile (p in 1..100) among n samples: ⌈p·n/100⌉. */
export const nearestRank = (p: number, n: number): number => Math.ceil((p * n) / 100);

export interface DurationSummary {
  readonly count: number;
  /** Sum of the samples (milliseconds). */
  readonly total: Duration;
  /** total / count; null without samples. */
  readonly mean: number | null;
  /** Nearest-rank percentiles; null without samples. */
  readonly p50: Duration | null;
  readonly p90: Duration | null;
  readonly p95: Duration | null;
  readonly p99: Duration | null;
}

/** The nearest-rank p-th percentile of sorted samples; null without samples. */
export const percentile = (sorted: readonly Duration[], p: number): Duration | null =>
  sorted.length === 0 ? null : (sorted[Math.max(1, nearestRank(p, sorted.length)) - 1] as Duration);

/** Summarises sorted samples (see the module note for the percentile definition). */
export const summariseDurations = (sorted: readonly Duration[]): DurationSummary => {
  const count = sorted.length;
  let total = 0;
  for (const d of sorted) total += d;
  return {
    count,
    total,
    mean: count === 0 ? null : total / count,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
};
