/**
 * The escalation ladder as policy data (docs/design/sla-semantics.md#escalation-ladder). Each step is measured on
 * one metric's own clock, relative to its target: `{ multiple: 0.5 }`, `{ percent: 75 }`,
 * `{ beforeDeadline: "30m" }` or `{ afterDeadline: "2h" }`; reaching it raises the ticket to
 * `level` and informs `roles`.
 */
import * as t from "io-ts";
import { DurationC } from "../shared/duration.js";
import { MetricNameC } from "../ticket/events.js";

export const ThresholdC = t.union([
  t.type({ multiple: t.number }),
  t.type({ percent: t.number }),
  t.type({ beforeDeadline: DurationC }),
  t.type({ afterDeadline: DurationC }),
]);
export type Threshold = t.TypeOf<typeof ThresholdC>;

export const LadderStepC = t.intersection([
  t.type({ metric: MetricNameC, level: t.number, roles: t.array(t.string) }),
  ThresholdC,
]);
export type LadderStep = t.TypeOf<typeof LadderStepC>;

/** The counted time at which a threshold is reached on a clock with this target. */
export const thresholdTime = (threshold: Threshold, target: number): number => {
  if ("multiple" in threshold) return threshold.multiple * target;
  if ("percent" in threshold) return (threshold.percent / 100) * target;
  if ("beforeDeadline" in threshold) return Math.max(0, target - threshold.beforeDeadline);
  return target + threshold.afterDeadline;
};
