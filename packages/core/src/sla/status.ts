/**
 * The status of each SLA metric of a ticket at `now` (docs/design/sla-semantics.md#status-of-a-metric):
 * running · paused · met · breached, with target, elapsed counted time, remaining (negative
 * when breached), deadline (while running or paused: the deadline if it resumed now), percent
 * used, breachedAt / stoppedAt, and the calendar (id and version) it counted on.
 *
 * `now` is expected at or after the ticket's last event. The readings themselves are the
 * reader's (reader.ts).
 */

import type { CompiledMetric } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import { type ClockFacts, lastStatusBit } from "./clock-facts.js";
import type { ClockCount } from "./counted-time.js";
import type { MetricFrame } from "./frame.js";

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
export const endOf = (frame: MetricFrame, now: Instant): Instant =>
  frame.stop !== null && frame.stop <= now ? frame.stop : now;

/** A status as a record written in place (the live SLA index keeps one per clock). */
export type MetricRecord = { -readonly [K in keyof MetricStatus]: MetricStatus[K] };

/** A record to write statuses into (every field set, in the order `statusInto` writes them). */
export const metricRecord = (): MetricRecord => ({
  metric: "response",
  cycle: 0,
  state: "running",
  clock: "running",
  priority: "",
  target: 0,
  startedAt: 0,
  elapsed: 0,
  remaining: 0,
  deadline: 0,
  percent: 0,
  breachedAt: null,
  stoppedAt: null,
  calendar: { id: "", version: 0 },
});

/** Writes into `out` the status of a frame and its clock's count (elapsed in [start, end), reach of the target). */
export const statusInto = (
  out: MetricRecord,
  facts: ClockFacts,
  metric: CompiledMetric,
  frame: MetricFrame,
  counted: ClockCount,
  now: Instant,
): MetricRecord => {
  const { start, stop, target } = frame;
  const stopped = stop !== null && stop <= now;
  const end = stopped ? stop : now;
  const elapsed = counted.elapsed;
  const breached = elapsed >= target;
  // A zero target is used up at the start, before any counting run.
  const reachedAt = Number.isNaN(counted.reachedAt) ? start : counted.reachedAt;
  const deadline = breached ? reachedAt : frame.calendar.add(end, target - elapsed);
  const counting = facts.spanCount > 0 && (lastStatusBit(facts) & metric.pauseMask) === 0;
  out.metric = metric.name;
  out.cycle = frame.cycle;
  out.state = breached ? "breached" : stopped ? "met" : counting ? "running" : "paused";
  out.clock = stopped ? "stopped" : counting ? "running" : "paused";
  out.priority = frame.priority;
  out.target = target;
  out.startedAt = start;
  out.elapsed = elapsed;
  out.remaining = target - elapsed;
  out.deadline = deadline;
  out.percent = target > 0 ? (elapsed / target) * 100 : 100;
  out.breachedAt = breached ? Math.max(deadline, frame.effectiveFrom) : null;
  out.stoppedAt = stopped ? stop : null;
  out.calendar = frame.calendarRef;
  return out;
};

/** A status from a frame and its clock's count (elapsed in [start, end), reach of the target). */
export const statusOf = (
  facts: ClockFacts,
  metric: CompiledMetric,
  frame: MetricFrame,
  counted: ClockCount,
  now: Instant,
): MetricStatus => statusInto(metricRecord(), facts, metric, frame, counted, now);

/** Stores a status under its metric's name. */
export const putStatus = (out: { [K in MetricName]?: MetricStatus }, s: MetricStatus): void => {
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
