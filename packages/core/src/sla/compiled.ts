/**
 * A compiled policy: the SLA part with every calendar name resolved to a compiled calendar
 * and every default filled in, so computing a status never decodes, looks up or recompiles.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Threshold } from "../escalation/policy.js";
import type { Policy } from "../policy/full.js";
import type { Duration } from "../shared/duration.js";
import type { MetricName } from "../ticket/events.js";
import type { DowngradeOnSilence } from "../timers/policy.js";

export interface CompiledWarning {
  /** The name recorded with the warning: `75%` or `30m-before`. */
  readonly name: string;
  readonly threshold: Threshold;
}

export interface CompiledMetric {
  readonly name: MetricName;
  readonly targets: Readonly<Record<string, Duration>>;
  readonly calendar: BusinessCalendar;
  /** Bit set of statuses during which the clock does not count (see statusBit). */
  readonly pauseMask: number;
  readonly warnings: readonly CompiledWarning[];
}

export interface CompiledStep {
  /** Position in the policy's ladder; ladder records are keyed by it. */
  readonly index: number;
  readonly metric: MetricName;
  readonly level: number;
  readonly roles: readonly string[];
  readonly threshold: Threshold;
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
}

/** Status bits for pause masks: a bit test is cheaper than a set lookup on the hot path. */
export const statusBit: Readonly<Record<string, number>> = {
  none: 1,
  new: 2,
  open: 4,
  "awaiting-customer": 8,
  resolved: 16,
  closed: 32,
};

/** Time while resolved or closed never counts, whatever the metric (semantics: Clocks). */
export const NEVER_COUNTS = statusBit.none! | statusBit.resolved! | statusBit.closed!;
