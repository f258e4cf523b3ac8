/**
 * The status of each SLA metric of a ticket at `now` (semantics: Status of a metric):
 * running · paused · met · breached, with target, elapsed counted time, remaining (negative
 * when breached), deadline (while running or paused: the deadline if it resumed now), percent
 * used, breachedAt / stoppedAt, and the calendar (id and version) it counted on.
 *
 * `now` is expected at or after the ticket's last event.
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { type CompiledMetric, type CompiledPolicy, statusBit } from "./compiled.js";
import { countTime } from "./counted-time.js";
import { metricFrame } from "./frame.js";

export type MetricState = "running" | "paused" | "met" | "breached";

export interface MetricStatus {
  readonly metric: MetricName;
  /**
   * Advances on a restart (reopen or re-target restart), a change of target, and for next-reply
   * on each new batch; warnings and breaches are recorded once per cycle.
   */
  readonly cycle: number;
  readonly state: MetricState;
  /** Is the clock counting at `now`? (A breached metric may still be running.) */
  readonly clock: "running" | "paused" | "stopped";
  readonly priority: string;
  readonly target: Duration;
  readonly startedAt: Instant;
  readonly elapsed: Duration;
  readonly remaining: Duration;
  readonly deadline: Instant;
  readonly percent: number;
  /** When the breach happened or, after a re-target, was observed (never back-dated). */
  readonly breachedAt: Instant | null;
  readonly stoppedAt: Instant | null;
  readonly calendar: { readonly id: string; readonly version: number };
}

export type SlaStatus = { readonly [K in MetricName]?: MetricStatus };

/** One metric's status, or null when it has no clock (not started, or no target for the priority). */
export const metricStatus = (
  ticket: TicketState,
  policy: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricStatus | null => {
  const frame = metricFrame(ticket, policy, metric, now);
  if (frame === null) return null;
  const { start, stop, target } = frame;
  const stopped = stop !== null && stop <= now;
  const end = stopped ? stop : now;
  const cal = metric.calendar;
  const counted = countTime(ticket.statusHistory, start, end, metric.pauseMask, cal, target);
  const elapsed = counted.elapsed;
  const breached = elapsed >= target;
  // A zero target is used up at the start, before any counting run.
  const reachedAt = Number.isNaN(counted.reachedAt) ? start : counted.reachedAt;
  const deadline = breached ? reachedAt : cal.add(end, target - elapsed);
  const last = ticket.statusHistory[ticket.statusHistory.length - 1];
  const counting = last !== undefined && ((statusBit[last.status] ?? 1) & metric.pauseMask) === 0;
  return {
    metric: metric.name,
    cycle: frame.cycle,
    state: breached ? "breached" : stopped ? "met" : counting ? "running" : "paused",
    clock: stopped ? "stopped" : counting ? "running" : "paused",
    priority: frame.priority,
    target,
    startedAt: start,
    elapsed,
    remaining: target - elapsed,
    deadline,
    percent: target > 0 ? (elapsed / target) * 100 : 100,
    breachedAt: breached ? Math.max(deadline, frame.effectiveFrom) : null,
    stoppedAt: stopped ? stop : null,
    calendar: { id: cal.id, version: cal.version },
  };
};

/** The status of every metric the policy defines and the ticket has a clock for. */
export const slaStatus = (ticket: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus => {
  const out: { [K in MetricName]?: MetricStatus } = {};
  for (const metric of policy.metrics) {
    const s = metricStatus(ticket, policy, metric, now);
    if (s !== null) out[metric.name] = s;
  }
  return out;
};
