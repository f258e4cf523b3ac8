/** calendar/ — business calendars: definitions, compilation, counted open time, holidays, helpers. */
export { type BookableSlot, bookableSlots } from "./bookableSlots.js";
export {
  type AlwaysOpenCalendarDef,
  type CalendarDef,
  CalendarDefC,
  type WeeklyCalendarDef,
  WeeklyCalendarDefC,
} from "./codec.js";
export { compileCalendar, decodeCalendar } from "./compile.js";
export type { Holiday, HolidayRule } from "./holidayCodec.js";
export { type HolidayDate, holidaysIn } from "./holidaysIn.js";
export type { WallInterval } from "./intervalCodec.js";
export { nextBusinessDayAt } from "./nextBusinessDayAt.js";
export { twentyFourSeven } from "./twentyFourSeven.js";
export type { BusinessCalendar } from "./types.js";
export type { Weekday } from "./weekdays.js";
