/**
 * Western Easter Sunday by the Gregorian computus (docs/design/sla-semantics.md#calendars — Easter-relative
 * holidays such as Good Friday `-2` or Whit Monday `+50`). This is the "anonymous Gregorian
 * algorithm" (Meeus/Jones/Butcher), exact for every Gregorian year and applied proleptically
 * before 1583, like the rest of the calendar's dates. The result is always a Sunday from
 * March 22 to April 25.
 */
import { daysFromCivil } from "./civilDate.js";

/** Day number (days since 1970-01-01) of Easter Sunday in `year` (1 … 9999). */
export const easterSunday = (year: number): number => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
};
