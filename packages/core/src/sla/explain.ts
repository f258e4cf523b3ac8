/**
 * "Why is this due at X?" — one metric's clock laid out as data: the periods from its start in
 * which time counted, the clock was paused (a status in the metric's `pauseWhile`, or resolved
 * and closed) or the calendar was closed (out of hours, holidays named), the re-targets that
 * applied, and the calendar and policy (with versions) it all counted on. Past the stop or
 * `now`, projected periods show where the rest of the budget would count if the clock ran on as
 * the ticket stands (for a paused clock: if it resumed now).
 *
 * Built on the public status (`slaStatus`) and the ticket's histories, not on the engine's
 * internals, and checked against it: the counted periods up to `now` sum to the status's
 * elapsed time, and the deadline read off the periods is the status's deadline (properties in
 * explain.test.ts). Pure, and plain JSON-serialisable data; instants are epoch milliseconds.
 */

import { civilFromDays, isoDateOf, weekdayOf } from "../calendar/civilDate.js";
import type { WeeklyCalendarDef } from "../calendar/codec.js";
import { type HolidayDate, holidaysIn } from "../calendar/holidaysIn.js";
import { openIntervals } from "../calendar/openIntervals.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { WEEKDAYS } from "../calendar/weekdays.js";
import { instantToWall } from "../calendar/zone.js";
import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import { statusBitOf } from "../policy/compiled.js";
import { describeTargetRule, targetRuleDeadline } from "../policy/target-rule.js";
import { DAY, type Duration, formatDuration } from "../shared/duration.js";
import { formatInstant, type Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { type Status, type StatusOrNone, statuses } from "../ticket/transitions.js";
import { slaStatus } from "./reader.js";
import type { MetricState } from "./status.js";

export type SlaPeriodKind = "counted" | "paused" | "out-of-hours";

/** A stretch of a clock's timeline, `[from, to)`. */
export interface SlaPeriod {
  readonly from: Instant;
  readonly to: Instant;
  readonly kind: SlaPeriodKind;
  /** The ticket's status in the period (for projected periods: the status it stands in). */
  readonly status: StatusOrNone;
  /** Counted time in the period: its length when counted, else 0. */
  readonly counted: Duration;
  /** After the stop or `now`: where the budget left would count. */
  readonly projected: boolean;
  /** Out of hours: the calendar's holidays that fell in the period (local dates). */
  readonly holidays?: readonly HolidayDate[];
}

/** A change of priority or policy that applied to the clock, and what it did. */
export interface SlaRetarget {
  readonly at: Instant;
  readonly change: "priority" | "policy";
  readonly from: string;
  readonly to: string;
  /**
   * `restart`: the clock started over at the change (`retarget: "restart"`). `new-target`: the
   * clock kept its start and the target in force changed (a breach it causes is observed no
   * earlier than the change). `same-target`: nothing changed for this metric.
   */
  readonly effect: "restart" | "new-target" | "same-target";
}

export interface SlaExplanation {
  readonly metric: MetricName;
  readonly now: Instant;
  readonly policy: { readonly id: string; readonly version: number | null };
  /** The calendar the target in force counts on: its id and version, the policy's name for it, its zone. */
  readonly calendar: {
    readonly id: string;
    readonly version: number;
    readonly name: string;
    readonly timeZone: string;
  };
  readonly state: MetricState;
  readonly clock: "running" | "paused" | "stopped";
  readonly cycle: number;
  readonly priority: string;
  readonly target: Duration;
  /**
   * A point-in-time target (docs/sla.md): what it says ("end of the business day", "next
   * business day at 09:00"), the policy's name for the calendar its day is read off, and the
   * instant it names; `target` is then the counted time from the start to that instant.
   */
  readonly targetRule: { readonly says: string; readonly calendar: string; readonly at: Instant } | null;
  readonly startedAt: Instant;
  readonly stoppedAt: Instant | null;
  readonly elapsed: Duration;
  readonly remaining: Duration;
  /** The deadline read off the periods: where the counted time reaches the target. */
  readonly deadline: Instant;
  readonly breachedAt: Instant | null;
  /** The statuses in which this clock does not count (resolved and closed always). */
  readonly pausedWhile: readonly Status[];
  readonly periods: readonly SlaPeriod[];
  /** Holidays that fell in out-of-hours periods on days the week would have been open. */
  readonly holidaysSkipped: readonly HolidayDate[];
  readonly retargets: readonly SlaRetarget[];
  /** The answer in one sentence, for a tooltip or a log line. */
  readonly summary: string;
}

/** Status spans clipped to `[from, to)`, the last one running on to `to`. */
const spansIn = (ticket: TicketState, from: Instant, to: Instant) => {
  const out: { from: Instant; to: Instant; status: StatusOrNone }[] = [];
  const spans = ticket.statusHistory;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const a = Math.max(span.from, from);
    const b = Math.min(i + 1 < spans.length ? spans[i + 1]!.from : Number.POSITIVE_INFINITY, to);
    if (a < b) out.push({ from: a, to: b, status: span.status });
  }
  return out;
};

/** The counted and out-of-hours periods of `[from, to)` on `calendar`. */
const calendarPeriods = (
  calendar: BusinessCalendar,
  from: Instant,
  to: Instant,
  status: StatusOrNone,
  projected: boolean,
): SlaPeriod[] => {
  const out: SlaPeriod[] = [];
  let at = from;
  for (const [a, b] of openIntervals(calendar, from, to)) {
    if (a > at) out.push({ from: at, to: a, kind: "out-of-hours", status, counted: 0, projected });
    out.push({ from: a, to: b, kind: "counted", status, counted: b - a, projected });
    at = b;
  }
  if (at < to) out.push({ from: at, to, kind: "out-of-hours", status, counted: 0, projected });
  return out;
};

/** The policy's name for a calendar and its definition (undefined for the built-in 24x7). */
const calendarDefOf = (cp: CompiledPolicy, calendar: BusinessCalendar) => {
  for (const [name, def] of Object.entries(cp.policy.calendars ?? {})) {
    if (def.id === calendar.id && (def.version ?? 1) === calendar.version) return { name, def };
  }
  return { name: calendar.id, def: undefined };
};

/** Attaches to each out-of-hours period the holidays (on days the week opens) whose local date it touches. */
const withHolidays = (periods: SlaPeriod[], def: WeeklyCalendarDef | undefined, zone: string): SlaPeriod[] => {
  if (def === undefined || (def.holidays ?? []).length === 0) return periods;
  const dayOf = (at: Instant) => Math.floor(instantToWall(zone, at) / DAY);
  const byYear = new Map<number, readonly HolidayDate[]>();
  const holidaysOfDay = (day: number): HolidayDate[] => {
    const year = civilFromDays(day).year;
    let list = byYear.get(year);
    if (list === undefined) {
      list = holidaysIn(def, year);
      byYear.set(year, list);
    }
    const iso = isoDateOf(day);
    return list.filter((h) => h.date === iso);
  };
  return periods.map((p) => {
    if (p.kind !== "out-of-hours") return p;
    const found: HolidayDate[] = [];
    for (let day = dayOf(p.from), last = dayOf(p.to - 1); day <= last; day++) {
      if ((def.week[WEEKDAYS[weekdayOf(day)]!] ?? []).length === 0) continue;
      found.push(...holidaysOfDay(day));
    }
    return found.length === 0 ? p : { ...p, holidays: found };
  });
};

const retargetsOf = (
  ticket: TicketState,
  cp: CompiledPolicy,
  metric: CompiledMetric,
  until: Instant,
): SlaRetarget[] => {
  const restarts = cp.retarget === "restart" && metric.name !== "next-reply";
  const out: SlaRetarget[] = [];
  const prios = ticket.priorityHistory;
  for (let i = 1; i < prios.length; i++) {
    const [before, after] = [prios[i - 1]!, prios[i]!];
    if (after.at > until) break;
    const changed =
      before.priority !== after.priority && metric.targets.get(before.priority) !== metric.targets.get(after.priority);
    out.push({
      at: after.at,
      change: "priority",
      from: before.priority,
      to: after.priority,
      effect: restarts ? "restart" : changed ? "new-target" : "same-target",
    });
  }
  const pols = ticket.policyHistory;
  for (let i = 1; i < pols.length; i++) {
    const [before, after] = [pols[i - 1]!, pols[i]!];
    if (after.at > until) break;
    out.push({
      at: after.at,
      change: "policy",
      from: before.policyId,
      to: after.policyId,
      effect: restarts ? "restart" : "new-target",
    });
  }
  return out.sort((a, b) => a.at - b.at);
};

/** The instant the counted periods reach `target`; the first period's start for a zero target. */
const deadlineOf = (periods: readonly SlaPeriod[], target: Duration, start: Instant): Instant | null => {
  if (target <= 0) return start;
  let sum = 0;
  for (const p of periods) {
    if (p.kind !== "counted") continue;
    if (sum + p.counted >= target) return p.from + (target - sum);
    sum += p.counted;
  }
  return null;
};

const when = (at: Instant) => formatInstant(at);

/**
 * Explains one metric's clock of a ticket at `now`: its periods, holidays skipped, re-targets,
 * and the deadline they give, with the policy and calendar (and their versions) used; null when
 * the ticket has no clock for the metric (not started, or no target for its priority).
 */
export const explainSla = (
  ticket: TicketState,
  policy: CompiledPolicy,
  metricName: MetricName,
  now: Instant,
): SlaExplanation | null => {
  const metric = policy.metrics.find((m) => m.name === metricName);
  const status = slaStatus(ticket, policy, now)[metricName];
  if (metric === undefined || status === undefined) return null;
  const target = metric.targets.get(status.priority);
  if (target === undefined) return null;
  const calendar = target.calendar;
  const { name, def } = calendarDefOf(policy, calendar);
  const weekly = def !== undefined && def.kind !== "24x7" ? (def as WeeklyCalendarDef) : undefined;
  const start = status.startedAt;
  const end = status.stoppedAt ?? now;
  const pausedWhile = statuses.filter((s) => (statusBitOf(s) & metric.pauseMask) !== 0);

  const periods: SlaPeriod[] = [];
  for (const span of spansIn(ticket, start, end)) {
    if ((statusBitOf(span.status) & metric.pauseMask) !== 0)
      periods.push({ from: span.from, to: span.to, kind: "paused", status: span.status, counted: 0, projected: false });
    else periods.push(...calendarPeriods(calendar, span.from, span.to, span.status, false));
  }
  if (status.state !== "breached" && status.deadline > end) {
    periods.push(...calendarPeriods(calendar, end, status.deadline, ticket.status, true));
  }
  const timeline = withHolidays(periods, weekly, calendar.timeZone);
  const elapsed = timeline.reduce((sum, p) => (p.projected ? sum : sum + p.counted), 0);
  const deadline = deadlineOf(timeline, status.target, start) ?? status.deadline;
  const holidaysSkipped = [...new Map(timeline.flatMap((p) => p.holidays ?? []).map((h) => [h.date, h])).values()];
  const retargets = retargetsOf(ticket, policy, metric, end);
  const rule = target.rule;
  const targetRule =
    rule === undefined
      ? null
      : {
          says: describeTargetRule(rule.rule),
          calendar: calendarDefOf(policy, rule.dayCalendar).name,
          at: targetRuleDeadline(rule.rule, rule.dayCalendar, start),
        };
  const outOfHours = timeline.reduce((sum, p) => (p.kind === "out-of-hours" ? sum + (p.to - p.from) : sum), 0);
  const paused = timeline.reduce((sum, p) => (p.kind === "paused" ? sum + (p.to - p.from) : sum), 0);

  const summary =
    `${metricName} ${status.state === "breached" ? "was due" : "is due"} at ${when(deadline)}: ` +
    (targetRule === null
      ? `the ${formatDuration(status.target)} target`
      : `the "${targetRule.says}" target (on calendar ${targetRule.calendar}: ${when(targetRule.at)}, ${formatDuration(status.target)} from the start)`) +
    ` for priority ${status.priority} counts on calendar ${name} ` +
    `(${calendar.id} v${calendar.version}, ${calendar.timeZone}) from ${when(start)}; ` +
    `${formatDuration(elapsed)} counted so far, ${formatDuration(paused)} paused, ${formatDuration(outOfHours)} out of hours` +
    (holidaysSkipped.length > 0
      ? ` (holidays skipped: ${holidaysSkipped.map((h) => (h.name === undefined ? h.date : `${h.date} ${h.name}`)).join(", ")})`
      : "") +
    (retargets.length > 0
      ? `; re-targeted ${retargets.map((r) => `${r.change} ${r.from}→${r.to} at ${when(r.at)} (${r.effect})`).join(", ")}`
      : "") +
    `; policy ${policy.policy.id}${policy.policy.version === undefined ? "" : ` v${policy.policy.version}`}.`;

  return {
    metric: metricName,
    now,
    policy: { id: policy.policy.id, version: policy.policy.version ?? null },
    calendar: { id: calendar.id, version: calendar.version, name, timeZone: calendar.timeZone },
    state: status.state,
    clock: status.clock,
    cycle: status.cycle,
    priority: status.priority,
    target: status.target,
    targetRule,
    startedAt: start,
    stoppedAt: status.stoppedAt,
    elapsed,
    remaining: status.target - elapsed,
    deadline,
    breachedAt: status.breachedAt,
    pausedWhile,
    periods: timeline,
    holidaysSkipped,
    retargets,
    summary,
  };
};
