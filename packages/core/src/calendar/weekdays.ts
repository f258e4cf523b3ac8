/**
 * The names of the weekdays as a calendar writes them, Monday first: the index of a name is
 * its ISO weekday index (`weekdayOf` in civilDate.ts: 0 = Monday … 6 = Sunday).
 */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
