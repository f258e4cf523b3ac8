/**
 * Counted-time axes: a calendar's counted time as a position on a line, so counting the time
 * between two instants is a subtraction. A position is the counted time from the axis's
 * anchor (negative before it); since `between` is additive on whole milliseconds
 * (docs/design/sla-semantics.md#calendars), `between(a, b) = position(b) − position(a)`
 * exactly, on a business calendar as on 24×7.
 *
 * The live SLA index (live-clocks.ts) keeps the position of each running clock's last reading;
 * reading a million clocks at one `now` then asks each calendar once (the axis remembers its
 * last position), not once per clock. Each index owns its axes: nothing is shared between them.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";

/** One calendar's axis, anchored at the first instant it was asked about. */
export class CalendarAxis {
  readonly calendar: BusinessCalendar;
  readonly #anchor: Instant;
  #lastAt = Number.NaN;
  #lastPosition = 0;

  constructor(calendar: BusinessCalendar, anchor: Instant) {
    this.calendar = calendar;
    this.#anchor = anchor;
  }

  /** Counted time from the anchor to `at` (negative before the anchor). */
  position(at: Instant): Duration {
    if (at === this.#lastAt) return this.#lastPosition;
    const p = this.calendar.between(this.#anchor, at);
    this.#lastAt = at;
    this.#lastPosition = p;
    return p;
  }
}

/** The axes of one index, one per calendar value. */
export class CalendarAxes {
  readonly #axes = new Map<BusinessCalendar, CalendarAxis>();

  /** The axis of `calendar`, anchored at `at` when it is new. */
  of(calendar: BusinessCalendar, at: Instant): CalendarAxis {
    let axis = this.#axes.get(calendar);
    if (axis === undefined) {
      axis = new CalendarAxis(calendar, at);
      this.#axes.set(calendar, axis);
    }
    return axis;
  }
}
