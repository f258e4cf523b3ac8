/**
 * A simulated clock: the demo's time only moves when the walkthrough says so, so every run
 * prints the same instants. The core never reads a clock; this is the `now` the app hands it.
 */
import { formatInstant, type Instant, parseDuration, parseInstant } from "@ticketfold/core";

export interface SimulatedClock {
  /** The current simulated instant. */
  now(): Instant;
  /** Moves time forward by a duration written as in policies (`20m`, `2h`, `1d`). */
  advance(duration: string): Instant;
  /** Moves time forward to `at`; time never runs backwards. */
  advanceTo(at: Instant): Instant;
}

/** Monday 2025-03-03 08:00 UTC: the start of a working week. */
export const DEMO_START = "2025-03-03T08:00:00Z";

export const createClock = (start: string = DEMO_START): SimulatedClock => {
  let current = parseInstant(start);
  if (current === undefined) throw new Error(`"${start}" is not an ISO-8601 instant`);
  return {
    now: () => current as Instant,
    advance: (duration) => {
      const ms = parseDuration(duration);
      if (ms === undefined) throw new Error(`"${duration}" is not a duration like "20m", "2h" or "1d"`);
      current = (current as Instant) + ms;
      return current;
    },
    advanceTo: (at) => {
      if (at < (current as Instant)) throw new Error(`cannot move the clock back to ${formatInstant(at)}`);
      current = at;
      return current;
    },
  };
};

/** ISO UTC without the milliseconds the demo never uses: `2025-03-03T08:00:00Z`. */
export const showInstant = (at: Instant | null): string =>
  at === null ? "-" : formatInstant(at).replace(".000Z", "Z");
