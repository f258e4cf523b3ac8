/**
 * Retry delays: exponential backoff with full jitter — the n-th retry waits a uniformly random
 * time in [0, min(cap, base · 2^(n-1))). Jitter spreads the retries of many failed deliveries
 * so a recovering receiver is not hit by all of them at once.
 */

export interface BackoffOptions {
  /** Ceiling of the first retry's delay, in ms. */
  readonly baseDelayMs: number;
  /** No delay exceeds this, in ms. */
  readonly maxDelayMs: number;
}

/** The ceiling of the delay before retry `retry` (1 = the first retry). */
export const backoffCeiling = (retry: number, o: BackoffOptions): number =>
  Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, retry - 1));

/** The delay before retry `retry`, given a random number in [0, 1). */
export const backoffDelay = (retry: number, o: BackoffOptions, random: () => number): number =>
  Math.floor(Math.min(Math.max(random(), 0), 1) * backoffCeiling(retry, o));
