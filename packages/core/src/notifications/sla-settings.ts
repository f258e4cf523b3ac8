/**
 * What the notification rules need from a policy's SLA part: when a resolved ticket closes by
 * itself (P-D shows that time; the timer counts on `sla.timers.calendar`, default 24x7), and
 * which roles each escalation level informs (P-C). A fact the policy does not state, or that
 * needs a calendar the caller did not supply, is `undefined` / empty: the notice omits it.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Policy } from "../policy/policy.js";
import type { Instant } from "../shared/instant.js";

/** Finds a compiled calendar by the name a policy uses for it. */
export type CalendarLookup = (name: string) => BusinessCalendar | undefined;

const ALWAYS_OPEN = "24x7";

/** The instant a ticket resolved at `resolvedAt` closes by itself, if the policy auto-closes. */
export const autoCloseAt = (policy: Policy, resolvedAt: Instant, calendars?: CalendarLookup): Instant | undefined => {
  const timers = policy.sla?.timers;
  const after = timers?.autoCloseResolved?.after;
  if (after === undefined) return undefined;
  const name = timers?.calendar ?? ALWAYS_OPEN;
  if (name === ALWAYS_OPEN) return resolvedAt + after;
  return calendars?.(name)?.add(resolvedAt, after);
};

/** The roles the policy's escalation ladder informs at `level` (all steps of that level). */
export const ladderRoles = (policy: Policy, level: number): string[] => {
  const steps = policy.sla?.ladder ?? [];
  return [...new Set(steps.filter((s) => s.level === level).flatMap((s) => s.roles))];
};
