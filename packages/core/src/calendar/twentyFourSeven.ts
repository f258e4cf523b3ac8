/**
 * The built-in `24x7` calendar: always open, so counted time is plain elapsed time
 * (docs/design/sla-semantics.md#time — "the calendar a target counts on is either a business calendar or 24x7").
 */
import type { BusinessCalendar } from "./types.js";

/** An always-open calendar with the given id and version (its zone is UTC: it never matters). */
export const alwaysOpenCalendar = (id: string, version = 1): BusinessCalendar => ({
  id,
  version,
  timeZone: "UTC",
  isOpen: () => true,
  nextOpen: (at) => at,
  add: (at, d) => at + d,
  subtract: (at, d) => at - d,
  between: (a, b) => b - a,
});

/** The built-in `24x7` calendar, version 1. */
export const twentyFourSeven: BusinessCalendar = alwaysOpenCalendar("24x7", 1);
