/**
 * The business-calendar interface the SLA engine counts on. A calendar is a compiled value:
 * every operation is pure and deterministic (docs/design/sla-semantics.md#time, docs/design/sla-semantics.md#calendars).
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";

export interface BusinessCalendar {
  readonly id: string;
  /** Calendars are values with a version; SLA results say which version they used. */
  readonly version: number;
  readonly timeZone: string;
  /** Is `at` inside an open interval (half-open: the end instant is closed)? */
  isOpen(at: Instant): boolean;
  /** `at` itself when open, else the start of the next open interval. */
  nextOpen(at: Instant): Instant;
  /**
   * The instant `d` of counted time after `at` (a budget ending at an interval's end is that end).
   * `add(at, 0)` is `at` itself; a negative `d` is `subtract(at, -d)`.
   */
  add(at: Instant, d: Duration): Instant;
  /** The instant `d` of counted time before `at` (a budget ending at an interval's start is that start). */
  subtract(at: Instant, d: Duration): Instant;
  /** Counted time in [a, b); negative when b < a. */
  between(a: Instant, b: Instant): Duration;
}
