/**
 * A naive minute walk, local to the bench, to cross-check the expected answers: it shares
 * nothing with the core's calendar. It asks `Intl` for each minute's wall time in the
 * calendar's zone and looks the date and the time up in the definition. Every instant has one
 * wall time, so DST needs no rule here: the gap's wall times never occur, the repeated hour
 * occurs twice, and both count as the real minutes they are. Minute-aligned inputs only.
 */
import type { Weekday, WeeklyCalendarDef } from "@ticketfold/core";

const MINUTE = 60_000;
const LIMIT = 60 * 24 * 60; // sixty days of minutes: every case ends well before

const formats = new Map<string, Intl.DateTimeFormat>();
const format = (zone: string): Intl.DateTimeFormat => {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(zone, f);
  }
  return f;
};

export interface WallTime {
  readonly weekday: Weekday;
  /** `Mon` */
  readonly day: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` */
  readonly time: string;
}

export const wallTime = (zone: string, t: number): WallTime => {
  const p = Object.fromEntries(
    format(zone)
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  const day = p.weekday ?? "";
  return {
    weekday: day.toLowerCase() as Weekday,
    day,
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
  };
};

const isOpenMinute = (def: WeeklyCalendarDef, t: number): boolean => {
  const w = wallTime(def.timeZone, t);
  const holidays = def.holidays ?? [];
  if (holidays.includes(w.date) || holidays.includes(w.date.slice(5))) return false;
  // "HH:MM" strings order as times do, "24:00" included.
  return (def.week[w.weekday] ?? []).some(([start, end]) => start <= w.time && w.time < end);
};

/** The instant `minutes` open minutes after `t` (`t` itself for 0). */
export const walkAdd = (def: WeeklyCalendarDef, t: number, minutes: number): number => {
  let left = minutes;
  if (left === 0) return t;
  for (let m = t; m < t + LIMIT * MINUTE; m += MINUTE) if (isOpenMinute(def, m) && --left === 0) return m + MINUTE;
  throw new Error(`minute walk: no answer within ${LIMIT} minutes`);
};

/** Open milliseconds in `[a, b)`. */
export const walkBetween = (def: WeeklyCalendarDef, a: number, b: number): number => {
  if (b - a > LIMIT * MINUTE) throw new Error(`minute walk: span over ${LIMIT} minutes`);
  let n = 0;
  for (let m = a; m < b; m += MINUTE) if (isOpenMinute(def, m)) n++;
  return n * MINUTE;
};
