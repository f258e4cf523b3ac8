/**
 * A compiled policy: the SLA part with every calendar name resolved to a compiled calendar
 * and every default filled in, so computing a status never decodes, looks up or recompiles.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { statusCode, statusCodes } from "../ticket/clock.js";
import type { MetricName } from "../ticket/events.js";
import type { Threshold } from "./ladder.js";
import type { Policy } from "./policy.js";
import type { StopEvent } from "./sla.js";
import type { TargetRule } from "./target-rule.js";
import type { DowngradeOnSilence } from "./time-rules.js";

export interface CompiledWarning {
  /** The name recorded with the warning: `75%` or `30m-before`. */
  readonly name: string;
  readonly threshold: Threshold;
}

/** The calendar a status reports: id and version (one shared value per calendar, never copied). */
export interface CalendarRef {
  readonly id: string;
  readonly version: number;
}

/**
 * A target in force: counted time on its own calendar. Equal targets (same time, same
 * calendar) of a metric are one value, so "the target changed" is an identity test.
 */
export interface CompiledTarget {
  /** The counted time of a duration target; NaN for a point-in-time target (`rule`). */
  readonly within: Duration;
  /** The calendar the target's time counts on (24x7 for `next-business-day-at`). */
  readonly calendar: BusinessCalendar;
  readonly calendarRef: CalendarRef;
  /** A point-in-time target (policy/target-rule.ts) and the calendar its day is read off. */
  readonly rule?: { readonly rule: TargetRule; readonly dayCalendar: BusinessCalendar };
  /** The counted time the clock has for a run started at `start`: `within`, or the rule's budget. */
  readonly budgetFrom: (start: Instant) => Duration;
}

export interface CompiledMetric {
  readonly name: MetricName;
  /** The target per priority id; a priority not in the map has no clock for this metric. */
  readonly targets: ReadonlyMap<string, CompiledTarget>;
  /** The metric's calendar: that of every target without its own. */
  readonly calendar: BusinessCalendar;
  /** Bit set of statuses during which the clock does not count (see statusBit). */
  readonly pauseMask: number;
  /** Bit set of the events that stop the clock (see stopBit); the earliest wins. */
  readonly stopMask: number;
  readonly warnings: readonly CompiledWarning[];
}

export interface CompiledStep {
  /** Position in the policy's ladder; ladder records are keyed by it. */
  readonly index: number;
  readonly metric: MetricName;
  readonly level: number;
  readonly roles: readonly string[];
  readonly threshold: Threshold;
  /** The step acts (`reassign`, `raisePriority`): the timers tell its record where its metric's run began. */
  readonly acts: boolean;
}

/** An OLA compiled: the group, its targets per priority (each on its calendar), its pause mask. */
export interface CompiledOla {
  readonly group: string;
  readonly targets: ReadonlyMap<string, CompiledTarget>;
  /** Bit set of statuses during which the group's clock does not count (resolved, closed always). */
  readonly pauseMask: number;
}

export interface CompiledTimeRules {
  readonly calendar: BusinessCalendar;
  readonly autoCloseResolved: Duration | null;
  readonly autoCloseAwaitingCustomer: Duration | null;
  readonly downgradeOnSilence: readonly DowngradeOnSilence[];
}

export interface CompiledPolicy {
  readonly policy: Policy;
  /** Metrics in a fixed order: response, plan, resolution, next-reply (those the policy has). */
  readonly metrics: readonly CompiledMetric[];
  readonly retarget: "keep-start" | "restart";
  readonly reopen: "resume" | "restart";
  readonly ladder: readonly CompiledStep[];
  readonly timers: CompiledTimeRules;
  /** The OLAs, one per group (policy `sla.olas`), with targets and calendars resolved. */
  readonly olas: readonly CompiledOla[];
  /** The calendar working sessions are booked on (`workflow.sessions.calendar`); null when the policy sets none. */
  readonly sessions: { readonly calendar: BusinessCalendar } | null;
}

/** Status bits for pause masks: a bit test is cheaper than a set lookup on the hot path (the clock log's status codes). */
export const statusBit: Readonly<Record<string, number>> = statusCodes;

/** Stop-event bits for stop masks (docs/design/sla-semantics.md#clocks, "stops"; the policy's `stopOn`). */
export const stopBit = {
  "public-reply": 1,
  accepted: 2,
  "awaiting-customer": 4,
  "plan-shared": 8,
  resolved: 16,
} as const satisfies Record<StopEvent, number>;

/** The bit of a status; equal to `statusBit[status] ?? 1`. */
export const statusBitOf: (status: string) => number = statusCode;

/** Time while resolved or closed never counts, whatever the metric (docs/design/sla-semantics.md#clocks). */
export const NEVER_COUNTS = statusBit.none! | statusBit.resolved! | statusBit.closed!;
