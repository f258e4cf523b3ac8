/**
 * Point-in-time targets (docs/sla.md, "Targets at a time of day"): a deadline read off a
 * calendar when the clock starts, not a counted duration. The clock turns it into a budget —
 * the counted time from its start to that instant — so status, warnings, the ladder's
 * multiples, timers and explanations work on it as on any other target, and without a pause
 * the deadline is that instant exactly.
 *
 * - `end-of-business-day`: the close of the business day the clock starts on. A clock started
 *   outside business hours starts at the next opening, so it is due at that day's close (opened
 *   Friday evening: Monday's close); with a `cutoff`, a clock started at or after the cutoff is
 *   due at the close of the next business day. The budget is business time on the calendar,
 *   whose close is where counted time ends.
 * - `next-business-day-at`: `time` on the first business day after the start's local date
 *   (`nextBusinessDayAt`). The budget is calendar time (24x7): the instant may lie before the
 *   opening, where business time would never reach it.
 */
import { nextBusinessDayAt } from "../calendar/nextBusinessDayAt.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { parseWallTime } from "../calendar/wallTime.js";
import { instantToWall, wallToInstant } from "../calendar/zone.js";
import { DAY, type Duration, MINUTE } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";

export type TargetRule =
  | { readonly kind: "end-of-business-day"; readonly cutoff?: string }
  | { readonly kind: "next-business-day-at"; readonly time: string };

/** The local date (days since 1970-01-01) of `at` in the calendar's zone. */
const localDay = (cal: BusinessCalendar, at: Instant): number => Math.floor(instantToWall(cal.timeZone, at) / DAY);

/** The instant local midnight ends `day`. */
const endOfDay = (cal: BusinessCalendar, day: number): Instant => wallToInstant(cal.timeZone, (day + 1) * DAY);

/**
 * The close of the business day a clock started at `start` is due on: the last instant of
 * open time on that local date.
 */
export const endOfBusinessDay = (cal: BusinessCalendar, start: Instant, cutoff?: string): Instant => {
  let open = cal.nextOpen(start);
  const cut = cutoff === undefined ? undefined : parseWallTime(cutoff);
  if (cut !== undefined && instantToWall(cal.timeZone, open) - localDay(cal, open) * DAY >= cut * MINUTE) {
    open = cal.nextOpen(endOfDay(cal, localDay(cal, open)));
  }
  const dayEnd = endOfDay(cal, localDay(cal, open));
  return cal.add(open, cal.between(open, dayEnd));
};

/** The instant a point-in-time target falls due for a clock started at `start`. */
export const targetRuleDeadline = (rule: TargetRule, cal: BusinessCalendar, start: Instant): Instant =>
  rule.kind === "end-of-business-day"
    ? endOfBusinessDay(cal, start, rule.cutoff)
    : nextBusinessDayAt(cal, start, rule.time);

/**
 * The budget of a point-in-time target for a clock started at `start`: counted time on the
 * calendar it counts on (`counting`) from `start` to its deadline.
 */
export const targetRuleBudget = (
  rule: TargetRule,
  cal: BusinessCalendar,
  counting: BusinessCalendar,
  start: Instant,
): Duration => Math.max(0, counting.between(start, targetRuleDeadline(rule, cal, start)));

/** How the target reads in an explanation: "end of the business day", "next business day at 09:00". */
export const describeTargetRule = (rule: TargetRule): string =>
  rule.kind === "end-of-business-day"
    ? `end of the business day${rule.cutoff === undefined ? "" : ` (cutoff ${rule.cutoff})`}`
    : `next business day at ${rule.time}`;
