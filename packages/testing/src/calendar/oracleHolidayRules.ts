/**
 * The minute oracle's own reading of holiday rules (docs/design/sla-semantics.md#calendars — rule-based
 * holidays), written with Temporal and its own Easter rule (oracleEaster.ts) so it shares nothing with
 * `holidayRules.ts`: the nth weekday by listing the month's days, observed moves by
 * Temporal's day of week, and every rule placed in each year around the oracle's window.
 */

import type { HolidayRule } from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";
import { easterOf } from "./oracleEaster.js";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const nthWeekdayOf = (year: number, month: number, weekday: string, nth: number): Temporal.PlainDate => {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const matching: Temporal.PlainDate[] = [];
  for (let d = first; d.month === month; d = d.add({ days: 1 })) {
    if (DAY_NAMES[d.dayOfWeek - 1] === weekday) matching.push(d);
  }
  const pick = nth > 0 ? matching[nth - 1] : matching[matching.length + nth];
  if (pick === undefined) throw new Error(`oracle: no ${nth}th ${weekday} in ${year}-${month}`);
  return pick;
};

/** Saturday (6) and Sunday (7) move; the holiday is kept on the new day only. */
const observe = (date: Temporal.PlainDate, observed: string): Temporal.PlainDate => {
  if (date.dayOfWeek === 6) return date.add({ days: observed === "next-monday" ? 2 : -1 });
  if (date.dayOfWeek === 7) return date.add({ days: 1 });
  return date;
};

/** The date the rule's holiday of `year` is kept on, or `undefined`. */
const placeRule = (rule: HolidayRule, year: number): Temporal.PlainDate | undefined => {
  if ((rule.from !== undefined && year < rule.from) || (rule.until !== undefined && year > rule.until))
    return undefined;
  if ("easter" in rule) return easterOf(year).add({ days: rule.easter });
  if ("month" in rule) return nthWeekdayOf(year, rule.month, rule.weekday, rule.nth).add({ days: rule.offset ?? 0 });
  let date: Temporal.PlainDate;
  try {
    date =
      rule.date.length === 10
        ? Temporal.PlainDate.from(rule.date)
        : Temporal.PlainDate.from(`${year}-${rule.date}`, { overflow: "reject" });
  } catch {
    return undefined; // 02-29 outside leap years
  }
  if (date.year !== year) return undefined;
  return rule.observed === undefined ? date : observe(date, rule.observed);
};

/** The dates (`YYYY-MM-DD`) the rules keep holidays on, placing the rules of years `from` … `to`. */
export const ruleHolidayDates = (rules: readonly HolidayRule[], from: number, to: number): ReadonlySet<string> => {
  const dates = new Set<string>();
  for (const rule of rules) {
    for (let year = from; year <= to; year++) {
      const placed = placeRule(rule, year);
      if (placed !== undefined) dates.add(placed.toString());
    }
  }
  return dates;
};
