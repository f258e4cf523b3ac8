/**
 * `@ticketfold/testing/laws` — the minute oracle the calendar laws compare against.
 */
export { type MinuteOracle, minuteOracle } from "../calendar/minuteOracle.js";
