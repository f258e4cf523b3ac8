/**
 * The SLA part of a policy: the metric clocks (targets per priority, the calendar each counts
 * on, the statuses that pause it), how re-targeting and reopening treat a running clock,
 * warnings, the escalation ladder and the time-driven rules. Loadable from JSON; the whole
 * policy decodes through `PolicyC` / `decodePolicy` (policy/full.ts).
 */
import * as t from "io-ts";
import { LadderStepC } from "../escalation/policy.js";
import { DurationC } from "../shared/duration.js";
import { TimeRulesC } from "../timers/policy.js";

export const TicketStatusC = t.keyof({
  new: null,
  open: null,
  "awaiting-customer": null,
  resolved: null,
  closed: null,
});

/** `{ percent: 75 }` of the target used, or `{ beforeDeadline: "30m" }`. */
export const WarningC = t.union([t.type({ percent: t.number }), t.type({ beforeDeadline: DurationC })]);
export type Warning = t.TypeOf<typeof WarningC>;

export const MetricPolicyC = t.intersection([
  /** Target per priority id; a priority without a target has no clock for this metric. */
  t.type({ targets: t.record(t.string, DurationC) }),
  t.partial({
    /** A key of `policy.calendars`, or "24x7" (the default). */
    calendar: t.string,
    /** Statuses that pause the clock; defaults per the metric table (resolved/closed never count). */
    pauseWhile: t.array(TicketStatusC),
    /** Overrides the SLA-wide warnings for this metric. */
    warnings: t.array(WarningC),
  }),
]);
export type MetricPolicy = t.TypeOf<typeof MetricPolicyC>;

export const SlaMetricsC = t.partial({
  response: MetricPolicyC,
  plan: MetricPolicyC,
  resolution: MetricPolicyC,
  "next-reply": MetricPolicyC,
});

export const RetargetModeC = t.keyof({ "keep-start": null, restart: null });
export const ReopenModeC = t.keyof({ resume: null, restart: null });

export const SlaPolicyC = t.partial({
  metrics: SlaMetricsC,
  /** Priority or policy change: keep the original start (default) or restart the clock. */
  retarget: RetargetModeC,
  /** Reopen: the resolution clock resumes with the time used (default) or restarts. */
  reopen: ReopenModeC,
  warnings: t.array(WarningC),
  ladder: t.array(LadderStepC),
  timers: TimeRulesC,
});
export type SlaPolicy = t.TypeOf<typeof SlaPolicyC>;
