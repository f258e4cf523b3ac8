/**
 * The policies a law compares yours with: every target longer by a factor, no metric pausing,
 * the other re-target mode. Each is your policy with one thing changed, so a difference in
 * what the engine says can only come from that change.
 */
import type { MetricName, Policy, SlaPolicy, Target } from "@ticketfold/core";

type Metrics = NonNullable<SlaPolicy["metrics"]>;

const mapMetrics = (
  policy: Policy,
  change: (metric: NonNullable<Metrics[MetricName]>) => NonNullable<Metrics[MetricName]>,
): Policy => {
  const metrics = policy.sla?.metrics ?? {};
  const changed = Object.fromEntries(
    Object.entries(metrics).map(([name, metric]) => [name, metric === undefined ? metric : change(metric)]),
  ) as Metrics;
  return { ...policy, sla: { ...policy.sla, metrics: changed } };
};

/** A point-in-time target (`end-of-business-day`, `next-business-day-at`) has no length to scale: it stays. */
const scaleTarget = (target: Target, factor: number): Target =>
  typeof target === "number"
    ? Math.round(target * factor)
    : "within" in target
      ? { ...target, within: Math.round(target.within * factor) }
      : target;

/** Every target of every metric multiplied by `factor`. */
export const withTargetsScaled = (policy: Policy, factor: number): Policy =>
  mapMetrics(policy, (m) => ({
    ...m,
    targets: Object.fromEntries(Object.entries(m.targets).map(([p, t]) => [p, scaleTarget(t, factor)])),
  }));

/** No metric pauses (time while resolved or closed still never counts). */
export const withoutPauses = (policy: Policy): Policy => mapMetrics(policy, (m) => ({ ...m, pauseWhile: [] }));

/** The policy with this re-target mode. */
export const withRetarget = (policy: Policy, retarget: "keep-start" | "restart"): Policy => ({
  ...policy,
  sla: { ...policy.sla, retarget },
});
