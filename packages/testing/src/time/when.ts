/**
 * Instants as a person writes them in a test: `2025-03-03T10:00Z` (UTC), `2025-03-03T11:00+01:00`
 * (an offset), or wall time in a zone — `Mon 2025-03-03 10:00` read in the zone the test names,
 * or `2025-03-03 10:00 Europe/Berlin`. A weekday, when written, must be the date's, so a typo in
 * a date fails at once. Wall times resolve as the core's calendars resolve them: a time in a
 * spring-forward gap is the later instant, an ambiguous fall-back time the earlier one.
 */
import { type Duration, type Instant, parseDuration } from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";

/** An instant: epoch milliseconds, or text as in the module note. */
export type When = Instant | string;

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const WRITTEN =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|[+-]\d{2}:?\d{2})?(?:\s+\[?([A-Za-z][A-Za-z0-9_+\-/]*)\]?)?$/;

const HOW =
  "write 2025-03-03T10:00Z, 2025-03-03T11:00+01:00, or wall time such as Mon 2025-03-03 10:00 (in the test's zone) or 2025-03-03 10:00 Europe/Berlin";

/**
 * Reads a `When` as an instant; wall time without a zone is read in `zone` (default UTC).
 * Throws, saying how to write one, when the text is not an instant.
 */
export const instant = (when: When, zone = "UTC"): Instant => {
  if (typeof when === "number") {
    if (!Number.isFinite(when)) throw new Error(`not an instant: ${when}`);
    return when;
  }
  const m = WRITTEN.exec(when.trim());
  if (m === null) throw new Error(`not an instant: ${JSON.stringify(when)}; ${HOW}`);
  const [, weekday, y, mo, d, h, mi, s, ms, offset, named] = m;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Number((ms ?? "0").padEnd(3, "0")),
  };
  let date: Temporal.PlainDate;
  try {
    date = Temporal.PlainDate.from({ year: fields.year, month: fields.month, day: fields.day }, { overflow: "reject" });
  } catch {
    throw new Error(`not an instant: ${JSON.stringify(when)} names no such date`);
  }
  if (weekday !== undefined && WEEKDAY_NAMES[date.dayOfWeek - 1] !== weekday)
    throw new Error(
      `not an instant: ${JSON.stringify(when)}: ${date.toString()} is a ${WEEKDAY_NAMES[date.dayOfWeek - 1]}`,
    );
  if (offset !== undefined && named !== undefined)
    throw new Error(`not an instant: ${JSON.stringify(when)} names both an offset and a zone`);
  const wall = Temporal.PlainDateTime.from(fields, { overflow: "reject" });
  if (offset !== undefined) {
    const iso = `${wall.toString({ smallestUnit: "millisecond" })}${offset === "Z" ? "Z" : offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`;
    return Temporal.Instant.from(iso).epochMilliseconds;
  }
  try {
    return wall.toZonedDateTime(named ?? zone, { disambiguation: "compatible" }).epochMilliseconds;
  } catch {
    throw new Error(`not an instant: ${JSON.stringify(when)}: unknown time zone ${named ?? zone}`);
  }
};

/**
 * A duration as a test writes it: milliseconds, or policy notation (`"4h"`, `"1h30m"`, `"-2h"`
 * for a remaining time past the deadline).
 */
export const duration = (d: Duration | string): Duration => {
  if (typeof d === "number") return d;
  const negative = d.trim().startsWith("-");
  const ms = parseDuration(negative ? d.trim().slice(1) : d);
  if (ms === undefined) throw new Error(`not a duration: ${JSON.stringify(d)}; write 4h, 90m, 1h30m or -2h`);
  return negative ? -ms : ms;
};
