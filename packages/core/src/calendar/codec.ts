/** Placeholder: the calendar definition codec (zone, weekly intervals, holidays, overrides). */
import * as t from "io-ts";

export const CalendarDefC = t.UnknownRecord;
