/**
 * Calendar definitions a desk could write, as fast-check arbitraries: office hours, a lunch
 * break, split shifts, 24/5 and weekend desks, in zones with every kind of offset change
 * (northern and southern DST, a 30-minute DST, a half-hour zone, none); yearly and one-off
 * holidays, holiday rules (Easter, nth weekday, observed dates) and overrides (half days,
 * closed days) in the years under test; and sometimes the always-open 24x7 calendar. Every
 * value decodes with the core's `decodeCalendar` (the kit's tests hold it to that).
 */
import type {
  AlwaysOpenCalendarDef,
  CalendarDef,
  HolidayRule,
  WallInterval,
  WeeklyCalendarDef,
} from "@ticketfold/core";
import fc from "fast-check";
import { CALENDAR_ZONES, dayHoursArb } from "./randomCalendars.js";

/** The zones of `weeklyCalendarArb` by default: those of the laws, plus a 30-minute DST, a half-hour zone and London. */
export const DESK_ZONES = [...CALENDAR_ZONES, "Australia/Lord_Howe", "Asia/Kolkata", "Europe/London"] as const;

export interface CalendarArbOptions {
  /** Zones to draw from (default `DESK_ZONES`). */
  readonly zones?: readonly string[];
  /** The years holidays and overrides fall in, inclusive (default 2024–2026). */
  readonly years?: readonly [from: number, to: number];
  /** An id for every calendar (default "desk"). */
  readonly id?: string;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;
const ALL_DAYS = [...WEEKDAYS, "sat", "sun"] as const;
type Day = (typeof ALL_DAYS)[number];
type Week = Partial<Record<Day, readonly WallInterval[]>>;

const pad = (n: number): string => String(n).padStart(2, "0");
const hhmm = (quarters: number): string => `${pad(Math.floor(quarters / 4))}:${pad((quarters % 4) * 15)}`;
const same = (days: readonly Day[], hours: readonly WallInterval[]): Week =>
  Object.fromEntries(days.map((d) => [d, hours]));

/** One interval Mon–Fri: opening 06:00–10:00, 6–10 hours long. */
const officeWeek = fc
  .record({ open: fc.integer({ min: 24, max: 40 }), length: fc.integer({ min: 24, max: 40 }) })
  .map(({ open, length }): Week => same(WEEKDAYS, [[hhmm(open), hhmm(open + length)]]));

/** Two intervals Mon–Fri with a lunch break of 30–90 minutes between 11:30 and 14:30. */
const lunchWeek = fc
  .record({
    open: fc.integer({ min: 28, max: 38 }),
    lunch: fc.integer({ min: 46, max: 52 }),
    pause: fc.integer({ min: 2, max: 6 }),
    close: fc.integer({ min: 64, max: 76 }),
    saturday: fc.boolean(),
  })
  .map(({ open, lunch, pause, close, saturday }): Week => {
    const day: WallInterval[] = [
      [hhmm(open), hhmm(lunch)],
      [hhmm(lunch + pause), hhmm(close)],
    ];
    return { ...same(WEEKDAYS, day), ...(saturday ? { sat: [[hhmm(open), hhmm(lunch)]] } : {}) };
  });

/** Random split shifts on every day (a day may be closed). */
const shiftWeek = fc
  .array(dayHoursArb, { minLength: 7, maxLength: 7 })
  .map(
    (days): Week => Object.fromEntries(ALL_DAYS.flatMap((d, i) => ((days[i] ?? []).length > 0 ? [[d, days[i]]] : []))),
  );

const roundTheClock: WallInterval[] = [["00:00", "24:00"]];
/** Open around the clock on weekdays, or on weekends only. */
const fullDaysWeek = fc.constantFrom<Week>(same(WEEKDAYS, roundTheClock), same(["sat", "sun"], roundTheClock));

const weekArb: fc.Arbitrary<Week> = fc
  .oneof(
    { weight: 3, arbitrary: officeWeek },
    { weight: 3, arbitrary: lunchWeek },
    { weight: 2, arbitrary: shiftWeek },
    { weight: 1, arbitrary: fullDaysWeek },
  )
  // Random shifts may close every day: a calendar needs open time (the codec refuses none).
  .map((week) => (Object.keys(week).length > 0 ? week : { wed: [["09:00", "17:00"]] }));

const monthDay = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `${pad(month)}-${pad(day)}`);

const ruleArb = (from: number, to: number): fc.Arbitrary<HolidayRule> =>
  fc.oneof(
    fc.constantFrom(-2, 1, 39, 50).map((easter): HolidayRule => ({ easter })),
    fc
      .record({
        month: fc.integer({ min: 1, max: 12 }),
        weekday: fc.constantFrom(...ALL_DAYS),
        nth: fc.constantFrom(1, 2, 3, 4, -1),
      })
      .map((r) => r as HolidayRule),
    fc
      .record({
        date: monthDay,
        observed: fc.constantFrom("us-federal", "next-monday"),
        from: fc.integer({ min: from - 1, max: to }),
      })
      .map((r) => r as HolidayRule),
  );

const dateIn = (from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), monthDay).map(([year, md]) => `${year}-${md}`);

/** A weekly calendar a desk could write (see the module note). */
export const weeklyCalendarArb = (options: CalendarArbOptions = {}): fc.Arbitrary<WeeklyCalendarDef> => {
  const [from, to] = options.years ?? [2024, 2026];
  return fc
    .record({
      zone: fc.constantFrom(...(options.zones ?? DESK_ZONES)),
      week: weekArb,
      yearly: fc.uniqueArray(monthDay, { maxLength: 4 }),
      oneOff: fc.uniqueArray(dateIn(from, to), { maxLength: 3 }),
      rules: fc.array(ruleArb(from, to), { maxLength: 3 }),
      overrides: fc.uniqueArray(fc.tuple(dateIn(from, to), fc.oneof(fc.constant<WallInterval[]>([]), dayHoursArb)), {
        maxLength: 3,
        selector: ([date]) => date,
      }),
      version: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ zone, week, yearly, oneOff, rules, overrides, version }): WeeklyCalendarDef => {
      const holidays = [...yearly, ...oneOff];
      // A date is a holiday or has its own hours, never both (the codec's rule).
      const ownHours = overrides.filter(([date]) => !holidays.includes(date));
      const all = [...holidays, ...rules];
      return {
        id: options.id ?? "desk",
        version,
        timeZone: zone,
        week,
        ...(all.length > 0 ? { holidays: all } : {}),
        ...(ownHours.length > 0 ? { overrides: Object.fromEntries(ownHours) } : {}),
      } as WeeklyCalendarDef;
    });
};

/** The always-open calendar as a definition. */
export const alwaysOpenCalendar = (id = "always"): AlwaysOpenCalendarDef => ({ id, kind: "24x7" });

/** A weekly calendar, or (one time in eight) the always-open 24x7 one. */
export const calendarDefArb = (options: CalendarArbOptions = {}): fc.Arbitrary<CalendarDef> =>
  fc.oneof(
    { weight: 7, arbitrary: weeklyCalendarArb(options) as fc.Arbitrary<CalendarDef> },
    { weight: 1, arbitrary: fc.constant<CalendarDef>(alwaysOpenCalendar(options.id ?? "desk")) },
  );
