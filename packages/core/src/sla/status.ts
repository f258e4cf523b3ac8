/**
 * The status of each SLA metric of a ticket at `now` (semantics: Status of a metric):
 * running · paused · met · breached, with target, elapsed counted time, remaining (negative
 * when breached), deadline (while running or paused: the deadline if it resumed now), percent
 * used, breachedAt / stoppedAt, and the calendar (id and version) it counted on.
 *
 * `now` is expected at or after the ticket's last event.
 */

import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { facts, gatherTicket, lastStatusBit } from "./clock-facts.js";
import { type ClockCount, clockCount, countClocks, countTime } from "./counted-time.js";
import { emptyFrame, type FrameRecord, frameInto, frameOfFacts, type MetricFrame } from "./frame.js";

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

/** The end of a frame's counting at `now`: its stop, once reached, else `now`. */
const endOf = (frame: MetricFrame, now: Instant): Instant =>
  frame.stop !== null && frame.stop <= now ? frame.stop : now;

/** A status from a frame and its clock's count (elapsed in [start, end), reach of the target). */
const statusOf = (metric: CompiledMetric, frame: MetricFrame, counted: ClockCount, now: Instant): MetricStatus => {
  const { start, stop, target } = frame;
  const stopped = stop !== null && stop <= now;
  const end = stopped ? stop : now;
  const elapsed = counted.elapsed;
  const breached = elapsed >= target;
  // A zero target is used up at the start, before any counting run.
  const reachedAt = Number.isNaN(counted.reachedAt) ? start : counted.reachedAt;
  const deadline = breached ? reachedAt : frame.calendar.add(end, target - elapsed);
  const counting = facts.spanCount > 0 && (lastStatusBit() & metric.pauseMask) === 0;
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
    calendar: frame.calendarRef,
  };
};

const one = emptyFrame();

/** One metric's status, or null when it has no clock (not started, or no target for the priority). */
export const metricStatus = (
  ticket: TicketState,
  policy: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricStatus | null => {
  if (!frameInto(one, ticket, policy, metric, now)) return null;
  const counted = countTime(one.start, endOf(one, now), metric.pauseMask, one.calendar, one.target);
  return statusOf(metric, one, counted, now);
};

// Scratch for slaStatus, one slot per metric (a policy has at most four), reused by every call.
const frames: FrameRecord[] = [emptyFrame(), emptyFrame(), emptyFrame(), emptyFrame()];
const counts: ClockCount[] = [clockCount(), clockCount(), clockCount(), clockCount()];
const framed = [false, false, false, false];
const counted = [false, false, false, false];
const group: ClockCount[] = [clockCount(), clockCount(), clockCount(), clockCount()];

const put = (out: { [K in MetricName]?: MetricStatus }, s: MetricStatus): void => {
  // Named stores keep the result's shape monomorphic (a keyed store by name is not).
  switch (s.metric) {
    case "response":
      out.response = s;
      return;
    case "plan":
      out.plan = s;
      return;
    case "resolution":
      out.resolution = s;
      return;
    case "next-reply":
      out["next-reply"] = s;
      return;
  }
};

/**
 * The status of every metric the policy defines and the ticket has a clock for. Metrics with
 * the same start, pauses and calendar are counted in one walk (counted-time.ts).
 */
export const slaStatus = (ticket: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus => {
  const out: { [K in MetricName]?: MetricStatus } = {};
  if (!gatherTicket(ticket)) return out;
  const metrics = policy.metrics;
  const n = metrics.length;
  for (let j = 0; j < n; j++) {
    const f = frames[j] as FrameRecord;
    framed[j] = frameOfFacts(f, policy, metrics[j] as CompiledMetric, now);
    counted[j] = false;
    const c = counts[j] as ClockCount;
    c.end = endOf(f, now);
    c.threshold = f.target;
  }
  for (let j = 0; j < n; j++) {
    if (!framed[j] || counted[j]) continue;
    const f = frames[j] as FrameRecord;
    const mask = (metrics[j] as CompiledMetric).pauseMask;
    let size = 0;
    for (let k = j; k < n; k++) {
      const g = frames[k] as FrameRecord;
      if (!framed[k] || counted[k] || g.start !== f.start || g.calendar !== f.calendar) continue;
      if ((metrics[k] as CompiledMetric).pauseMask !== mask) continue;
      group[size++] = counts[k] as ClockCount;
      counted[k] = true;
    }
    countClocks(f.start, mask, f.calendar, group, size);
  }
  for (let j = 0; j < n; j++) {
    if (framed[j])
      put(out, statusOf(metrics[j] as CompiledMetric, frames[j] as FrameRecord, counts[j] as ClockCount, now));
  }
  return out;
};
