/** Test fixtures for calendars: instants from short ISO text, and a few calendar definitions. */

import type { CalendarDef, WeeklyCalendarDef } from "./codec.js";
import { compileCalendar } from "./compile.js";
import type { WallInterval } from "./intervalCodec.js";
import type { BusinessCalendar } from "./types.js";

/** `"2025-03-03T13:00"` (UTC unless an offset is given) → epoch milliseconds. */
export const at = (iso: string): number => {
  const ms = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
};

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A calendar open the same intervals Monday to Friday. */
export const weekdays = (
  timeZone: string,
  hours: readonly WallInterval[],
  extra: Partial<WeeklyCalendarDef> = {},
): BusinessCalendar => {
  const def: CalendarDef = {
    id: "test",
    version: 1,
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    ...extra,
  };
  return compileCalendar(def);
};

/** A calendar open the same intervals every day of the week. */
export const everyDay = (timeZone: string, hours: readonly WallInterval[]): BusinessCalendar =>
  compileCalendar({
    id: "test",
    version: 1,
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours },
  });
