/**
 * Calendars for property tests: realistic calendar definitions, random calendars with an
 * instant next to an offset change (the calendar laws' cases), and instants near the edges
 * where counted time is easy to get wrong.
 */
export {
  alwaysOpenCalendar,
  type CalendarArbOptions,
  calendarDefArb,
  DESK_ZONES,
  weeklyCalendarArb,
} from "./calendars.js";
export { type EdgeOptions, instantNearEdgesArb } from "./edges.js";
export {
  CALENDAR_ZONES,
  type CalendarCase,
  calendarCaseArb,
  calendarDurationArb,
  dayHoursArb,
  oracleWindowOf,
} from "./randomCalendars.js";
export { zoneTransitions } from "./zoneTransitions.js";
