/**
 * The naive oracle the calendar laws compare against (docs/design/sla-semantics.md#calendars — "every operation
 * agrees with a naive minute-stepping oracle"). It shares nothing with the core's calendar: it
 * reads the definition with its own precedence code (and its own reading of holiday rules,
 * oracleHolidayRules.ts), asks Temporal (its own date arithmetic and zone conversion) for each
 * interval's instants, paints a bitmap of open minutes for a window, and answers every question
 * by stepping one minute at a time. Minute-aligned inputs only; slow on purpose.
 */
import type { CalendarDef, HolidayRule, WeeklyCalendarDef } from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";
import { ruleHolidayDates } from "./oracleHolidayRules.js";

const MIN = 60_000;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A calendar's operations, answered by stepping minutes (the `BusinessCalendar` questions). */
export interface MinuteOracle {
  isOpen(t: number): boolean;
  nextOpen(t: number): number;
  add(t: number, d: number): number;
  subtract(t: number, d: number): number;
  between(a: number, b: number): number;
}

/** The wall intervals of one local date, by the documented precedence (exact > rule > yearly > week). */
const hoursOf = (
  def: WeeklyCalendarDef,
  ruleDates: ReadonlySet<string>,
  date: Temporal.PlainDate,
): readonly (readonly [string, string])[] => {
  const full = date.toString();
  const yearly = full.slice(5);
  const holidays = (def.holidays ?? []).filter((h): h is string => typeof h === "string");
  const overrides = def.overrides ?? {};
  if (overrides[full] !== undefined) return overrides[full];
  if (holidays.includes(full)) return [];
  if (ruleDates.has(full)) return [];
  if (overrides[yearly] !== undefined) return overrides[yearly];
  if (holidays.includes(yearly)) return [];
  return def.week[DAY_NAMES[date.dayOfWeek - 1]!] ?? [];
};

const instantOf = (zone: string, date: Temporal.PlainDate, hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const day = h === 24 ? date.add({ days: 1 }) : date;
  return day
    .toPlainDateTime({ hour: h === 24 ? 0 : h, minute: m })
    .toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
};

/**
 * An oracle that knows the minutes in `[from, to)` (both minute-aligned) of a calendar
 * definition (a 24x7 one is open every minute). An answer that needs a minute outside the
 * window throws: widen the window.
 */
export const minuteOracle = (calendar: CalendarDef, from: number, to: number): MinuteOracle => {
  if (!Number.isInteger(from / MIN) || !Number.isInteger(to / MIN) || to < from)
    throw new Error("oracle: the window must be minute-aligned, from ≤ to");
  const size = (to - from) / MIN;
  const open = new Uint8Array(size);
  if (calendar.kind === "24x7") open.fill(1);
  else paint(calendar, from, to, open);
  return oracleOver(open, from);
};

/** Marks the open minutes of a weekly calendar in the window's bitmap. */
const paint = (def: WeeklyCalendarDef, from: number, to: number, open: Uint8Array): void => {
  const size = open.length;
  const zone = def.timeZone;
  const firstDate = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone).toPlainDate();
  const lastDate = Temporal.Instant.fromEpochMilliseconds(to).toZonedDateTimeISO(zone).toPlainDate();
  const rules = (def.holidays ?? []).filter((h): h is HolidayRule => typeof h !== "string");
  // A rule of year Y may land in Y-1 or Y+1 (New Year observed on Dec 31), so place one year more each side.
  const ruleDates = ruleHolidayDates(rules, firstDate.year - 1, lastDate.year + 1);
  for (let d = firstDate.subtract({ days: 2 }); Temporal.PlainDate.compare(d, lastDate.add({ days: 2 })) <= 0; ) {
    for (const [s, e] of hoursOf(def, ruleDates, d)) {
      const a = Math.max(0, Math.ceil((instantOf(zone, d, s) - from) / MIN));
      const b = Math.min(size, Math.ceil((instantOf(zone, d, e) - from) / MIN));
      for (let i = a; i < b; i++) open[i] = 1;
    }
    d = d.add({ days: 1 });
  }
};

const oracleOver = (open: Uint8Array, from: number): MinuteOracle => {
  const size = open.length;
  const index = (t: number): number => {
    const i = (t - from) / MIN;
    if (!Number.isInteger(i) || i < 0 || i > size)
      throw new Error(`oracle: ${new Date(t).toISOString()} outside its window`);
    return i;
  };
  const bit = (i: number): boolean => {
    if (i < 0 || i >= size) throw new Error("oracle: stepped outside its window; widen it");
    return open[i] === 1;
  };
  const oracle: MinuteOracle = {
    isOpen: (t) => bit(index(t)),
    nextOpen: (t) => {
      let i = index(t);
      while (!bit(i)) i++;
      return from + i * MIN;
    },
    between: (a, b) => {
      if (b < a) return 0 - oracle.between(b, a);
      let n = 0;
      for (let i = index(a); i < index(b); i++) if (bit(i)) n++;
      return n * MIN;
    },
    add: (t, d) => {
      if (d < 0) return oracle.subtract(t, -d);
      let left = d / MIN;
      let i = index(t);
      if (left === 0) return t;
      for (; ; i++) if (bit(i) && --left === 0) return from + (i + 1) * MIN;
    },
    subtract: (t, d) => {
      if (d < 0) return oracle.add(t, -d);
      let left = d / MIN;
      let i = index(t);
      if (left === 0) return t;
      for (;;) {
        i--;
        if (bit(i) && --left === 0) return from + i * MIN;
      }
    },
  };
  return oracle;
};
