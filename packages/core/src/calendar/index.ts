export * from "./bookableSlots.js";
export * from "./codec.js";
export * from "./compile.js";
export * from "./dateCodecs.js";
export { type DayRules, type MinuteIntervals, WEEKDAYS, type Weekday } from "./dayRules.js";
export { easterSunday } from "./easter.js";
export {
  type DateHoliday,
  type EasterHoliday,
  type Holiday,
  HolidayC,
  type HolidayRule,
  isHolidayRule,
  type NthWeekdayHoliday,
  OBSERVED_RULES,
  type ObservedRule,
} from "./holidayCodec.js";
export * from "./holidaysIn.js";
export { DayIntervalsC, IntervalC, type WallInterval } from "./intervalCodec.js";
export * from "./nextBusinessDayAt.js";
export * from "./twentyFourSeven.js";
export * from "./types.js";
export { EndTimeC, formatWallTime, parseWallTime, StartTimeC } from "./wallTime.js";
export { TimeZoneC } from "./zone.js";
