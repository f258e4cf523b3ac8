/**
 * Civil (proleptic Gregorian) dates as day numbers since 1970-01-01, and "wall" milliseconds:
 * a local date and time written as if it were UTC. All date arithmetic of the calendars is
 * done here, on plain numbers; Temporal is only asked to map wall times to instants
 * (docs/design/sla-semantics.md#calendars). Algorithms after H. Hinnant, "chrono-compatible low-level date
 * algorithms".
 */
import { DAY } from "../shared/duration.js";

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** Day number (days since 1970-01-01) of a civil date. */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Civil date of a day number. */
export const civilFromDays = (days: number): CivilDate => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** ISO weekday index of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (days: number): number => (((days + 3) % 7) + 7) % 7;

/** The UTC calendar year an instant falls in. */
export const utcYearOf = (at: number): number => civilFromDays(Math.floor(at / DAY)).year;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in a month; February has 29 when `year` is omitted (yearly dates). */
export const daysInMonth = (month: number, year?: number): number => {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (a real date); `undefined` when malformed or impossible (2025-02-30). */
export const parseIsoDate = (s: string): CivilDate | undefined => {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return undefined;
  return { year, month, day };
};

/** Parses a yearly `MM-DD` (02-29 allowed: it applies in leap years only). */
export const parseMonthDay = (s: string): { readonly month: number; readonly day: number } | undefined => {
  const m = MONTH_DAY.exec(s);
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month)) return undefined;
  return { month, day };
};

/** Lookup keys: `yyyymmdd` for one date, `mmdd` for a yearly date. */
export const dateKey = (d: CivilDate): number => d.year * 10000 + d.month * 100 + d.day;
export const monthDayKey = (d: { readonly month: number; readonly day: number }): number => d.month * 100 + d.day;

/** `YYYY-MM-DD` of a day number. */
export const isoDateOf = (days: number): string => {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};
