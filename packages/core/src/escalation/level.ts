/**
 * The escalation ladder read at `now` (docs/design/sla-semantics.md#escalation-ladder): the level is the highest
 * step reached, each step measured on its metric's own clock (paused time does not count;
 * nothing is reached after the metric stops). Also the next step and when it comes (null while
 * its clock is paused or stopped), and the roles the current level informs (P-C: head of
 * support, account manager, CEO).
 */

import type { CompiledPolicy, CompiledStep } from "../policy/compiled.js";
import { thresholdTime } from "../policy/ladder.js";
import type { Instant } from "../shared/instant.js";
import { createClockReader } from "../sla/reader.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";

export interface StepReach {
  readonly step: number;
  readonly level: number;
  readonly metric: MetricName;
  readonly roles: readonly string[];
  /** When the step is (or was) reached; null when its clock will not reach it as things stand. */
  readonly at: Instant | null;
  /** Its metric's clock has stopped (or never started): an unreached step will not come. */
  readonly stopped: boolean;
}

export interface EscalationStatus {
  readonly level: number;
  readonly reached: readonly StepReach[];
  /** The earliest step still to come that raises the level; null when none can. */
  readonly next: StepReach | null;
  /** Roles informed at the current level (every reached step of that level). */
  readonly roles: readonly string[];
}

/** When each ladder step is reached on the ticket as it stands (no further events). */
export const ladderReaches = (ticket: TicketState, policy: CompiledPolicy): StepReach[] => {
  const r = createClockReader();
  return policy.ladder.map((step: CompiledStep) => {
    const metric = policy.metrics.find((m) => m.name === step.metric);
    const frame = metric ? r.frame(ticket, policy, metric, Number.POSITIVE_INFINITY) : null;
    const at = metric && frame ? r.reach(ticket, metric, frame, thresholdTime(step.threshold, frame.target)) : null;
    const stopped = frame === null || frame.stop !== null;
    return { step: step.index, level: step.level, metric: step.metric, roles: step.roles, at, stopped };
  });
};

/** The ladder at `now`. */
export const escalationStatus = (ticket: TicketState, policy: CompiledPolicy, now: Instant): EscalationStatus => {
  const all = ladderReaches(ticket, policy);
  const reached = all.filter((s) => s.at !== null && s.at <= now);
  const level = reached.reduce((max, s) => Math.max(max, s.level), 0);
  const roles = [...new Set(reached.filter((s) => s.level === level).flatMap((s) => s.roles))];
  return { level, reached, next: earliestAbove(all, level, now), roles };
};

/** The step with a level above `level` reached soonest after `now`; a paused one only if no other; never a stopped one. */
export const earliestAbove = (steps: readonly StepReach[], level: number, now: Instant): StepReach | null => {
  let best: StepReach | null = null;
  for (const s of steps) {
    if (s.level <= level || (s.at !== null && s.at <= now) || (s.at === null && s.stopped)) continue;
    if (best === null || (s.at !== null && (best.at === null || s.at < best.at))) best = s;
  }
  return best;
};
