/**
 * The desk's clock. The demo and the tests move it by hand, so a four-hour SLA runs out in a
 * moment; a real deployment passes `Date.now`. Intake, handler, timers and dispatcher all read
 * this one clock, never the system's.
 */
import { type Instant, parseInstant } from "@ticketfold/core";

export interface DeskClock {
  now(): Instant;
  /** Moves the clock forward by `ms`; time never runs backwards. */
  advance(ms: number): Instant;
}

/** Monday 2025-03-03 09:00 in Berlin (08:00 UTC): P-D's office has just opened. */
export const DEMO_START = "2025-03-03T08:00:00Z";

export const simulatedClock = (start: string = DEMO_START): DeskClock => {
  let current = parseInstant(start);
  if (current === undefined) throw new Error(`"${start}" is not an ISO-8601 instant`);
  return {
    now: () => current as Instant,
    advance: (ms) => {
      if (ms < 0) throw new Error("the clock cannot move backwards");
      current = (current as Instant) + ms;
      return current;
    },
  };
};
