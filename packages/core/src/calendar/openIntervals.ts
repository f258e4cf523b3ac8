/**
 * The open intervals of a calendar between two instants, found with the calendar's own
 * operations (`nextOpen`, `between`), so they agree with counted time by construction: an
 * interval is a run where counted time equals elapsed time. For showing where time counted
 * (the SLA explanation), not for the hot path: each interval costs some forty `between` calls.
 */
import type { Instant } from "../shared/instant.js";
import type { BusinessCalendar } from "./types.js";

/** The open intervals `[from, to)` of `calendar` inside `[from, to)`, in order, touching ones joined. */
export const openIntervals = (
  calendar: BusinessCalendar,
  from: Instant,
  to: Instant,
): readonly (readonly [Instant, Instant])[] => {
  const out: (readonly [Instant, Instant])[] = [];
  let at = from;
  while (at < to) {
    const start = calendar.nextOpen(at);
    if (start >= to) break;
    const whole = (end: Instant) => calendar.between(start, end) === end - start;
    if (whole(to)) {
      out.push([start, to]);
      break;
    }
    // Grow a probe until it leaves the interval, then halve back to its end (whole ms).
    let lo = start;
    let step = 60_000;
    let hi = Math.min(start + step, to);
    while (whole(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(start + step, to);
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (whole(mid)) lo = mid;
      else hi = mid;
    }
    out.push([start, lo]);
    at = lo;
  }
  return out;
};
