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

/**
 * The clock of whichever simulation runs now. Each simulation starts a clock of its own (the
 * walkthrough, then the SLA week from an earlier start); the store stamps `recordedAt` from
 * the current one.
 */
export interface Timeline {
  now(): Instant;
  start(at: string): SimulatedClock;
}

export const createTimeline = (): Timeline => {
  let current = createClock();
  return {
    now: () => current.now(),
    start: (at) => {
      current = createClock(at);
      return current;
    },
  };
};

/** ISO UTC without the milliseconds the demo never uses: `2025-03-03T08:00:00Z`. */
export const showInstant = (at: Instant | null): string =>
  at === null ? "-" : formatInstant(at).replace(".000Z", "Z");

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** A short UTC instant for tables over a week: `Mon 03-03 09:30`. */
export const showWeekTime = (at: Instant): string => {
  const iso = formatInstant(at);
  return `${WEEKDAYS[new Date(at).getUTCDay()]} ${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
};

/** Counted time in hours and minutes (`26h`, `7h30m`, `45m`): SLA time is not calendar days. */
export const showCounted = (ms: number): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const text = h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h${m}m`;
  return ms < 0 ? `-${text}` : text;
};
