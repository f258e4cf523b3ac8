/**
 * One metric target compiled: a duration on its calendar, or a point-in-time target
 * (target-rule.ts) with the calendar its day is read off and the one its budget counts on.
 * Equal targets of a metric are one value (interned), so "the target changed" on a re-target
 * is an identity test (sla/frame.ts).
 */
import { twentyFourSeven } from "../calendar/twentyFourSeven.js";
import type { BusinessCalendar } from "../calendar/types.js";
import type { CalendarRef, CompiledTarget } from "./compiled.js";
import type { Target } from "./sla.js";
import { type TargetRule, targetRuleBudget } from "./target-rule.js";

const ruleOf = (target: Target): TargetRule | undefined => {
  if (typeof target === "number" || !("kind" in target)) return undefined;
  return target.kind === "end-of-business-day"
    ? target.cutoff === undefined
      ? { kind: target.kind }
      : { kind: target.kind, cutoff: target.cutoff }
    : { kind: target.kind, time: target.time };
};

const sameRule = (a: TargetRule | undefined, b: TargetRule | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.kind === b.kind &&
      (a.kind === "end-of-business-day"
        ? a.cutoff === (b as typeof a).cutoff
        : a.time === (b as Extract<TargetRule, { time: string }>).time);

/** Finds or adds the compiled form of `target` counted on `cal`; a message when it cannot be. */
export const internTarget = (
  interned: CompiledTarget[],
  target: Target,
  cal: BusinessCalendar,
  refOf: (cal: BusinessCalendar) => CalendarRef,
): CompiledTarget | string => {
  const rule = ruleOf(target);
  const within =
    rule !== undefined ? Number.NaN : typeof target === "number" ? target : (target as { within: number }).within;
  const found = interned.find(
    (x) =>
      x.rule?.dayCalendar === (rule === undefined ? undefined : cal) &&
      sameRule(x.rule?.rule, rule) &&
      (rule !== undefined || (x.within === within && x.calendar === cal)),
  );
  if (found !== undefined) return found;
  let compiled: CompiledTarget;
  if (rule === undefined) {
    compiled = Object.freeze({ within, calendar: cal, calendarRef: refOf(cal), budgetFrom: () => within });
  } else {
    if (rule.kind === "end-of-business-day" && cal.id === twentyFourSeven.id)
      return 'an "end-of-business-day" target needs a business calendar (24x7 has no close)';
    const counting = rule.kind === "end-of-business-day" ? cal : twentyFourSeven;
    compiled = Object.freeze({
      within,
      calendar: counting,
      calendarRef: refOf(cal),
      rule: Object.freeze({ rule, dayCalendar: cal }),
      budgetFrom: (start: number) => targetRuleBudget(rule, cal, counting, start),
    });
  }
  interned.push(compiled);
  return compiled;
};
