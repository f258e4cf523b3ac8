/**
 * "Next business day at 08:00" (docs/design/sla-semantics.md#time — a calendar helper separate from counted
 * time). The answer is the wall time `HH:MM` on the first local date after `at`'s local date
 * (in the calendar's zone) that has any open time. Edge cases, all deliberate:
 * - `at`'s own date never counts, even when `at` is before `HH:MM` on a business day;
 * - a business day is a date with real open time after holidays, overrides and DST (a date
 *   whose only interval falls into a spring-forward gap has none);
 * - the result is not moved to the opening: 08:00 on a day that opens at 09:00 is 08:00;
 * - a nonexistent wall time resolves to the later instant, an ambiguous one to the earlier.
 */
import { DAY, MINUTE } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { BusinessCalendar } from "./types.js";
import { parseWallTime } from "./wallTime.js";
import { instantToWall, wallToInstant } from "./zone.js";

/** How far ahead to look for a business day before giving up (a valid calendar needs days). */
const SEARCH_DAYS = 3660;

export const nextBusinessDayAt = (cal: BusinessCalendar, at: Instant, wallTime: string): Instant => {
  const minutes = parseWallTime(wallTime);
  if (minutes === undefined) throw new RangeError(`"${wallTime}" is not a wall time "HH:MM" (00:00–23:59)`);
  const zone = cal.timeZone;
  const today = Math.floor(instantToWall(zone, at) / DAY);
  let dayStart = wallToInstant(zone, (today + 1) * DAY);
  for (let days = today + 1; days <= today + SEARCH_DAYS; days++) {
    const dayEnd = wallToInstant(zone, (days + 1) * DAY);
    if (dayEnd > dayStart && cal.nextOpen(dayStart) < dayEnd) {
      return wallToInstant(zone, days * DAY + minutes * MINUTE);
    }
    dayStart = dayEnd;
  }
  throw new RangeError(`calendar "${cal.id}" has no business day within ${SEARCH_DAYS} days after ${at}`);
};
