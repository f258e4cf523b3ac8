/**
 * The escalation ladder as policy data (docs/design/sla-semantics.md#escalation-ladder). Each step is measured on
 * one metric's own clock, relative to its target: `{ multiple: 0.5 }`, `{ percent: 75 }`,
 * `{ beforeDeadline: "30m" }` or `{ afterDeadline: "2h" }`; reaching it raises the ticket to
 * `level` and informs `roles`. A step can also act (docs/sla.md, "Steps that act"): hand the
 * ticket to a group (`reassign: { group }`, unassigned within it) and raise its priority by
 * `raisePriority` levels of the scale (capped at the most urgent), in the same decision as the
 * step's record — once per run of its metric's clock, never again on a second delivery.
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

/** What a step does besides informing: hand over to a group, raise the priority. */
export const StepActionsC = t.partial({
  reassign: t.type({ group: t.string }),
  raisePriority: t.number,
});
export type StepActions = t.TypeOf<typeof StepActionsC>;

export const LadderStepC = t.intersection([
  t.type({ metric: MetricNameC, level: t.number, roles: t.array(t.string) }),
  StepActionsC,
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
