/**
 * When does a metric's clock reach a given counted time? Used by warnings, breaches and the
 * escalation ladder (semantics: Escalation ladder — measured on the metric's own clock, paused
 * time does not count, nothing is reached after the clock stops). The instant is observed no
 * earlier than the moment the target in force took effect (semantics: Re-targeting), on the
 * calendar of the target in force.
 */

import type { CompiledMetric } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "../ticket/state.js";
import { gatherTicket } from "./clock-facts.js";
import { countTime } from "./counted-time.js";
import type { MetricFrame } from "./frame.js";

/**
 * The instant the clock of `frame` reaches `counted` time, as the ticket stands (no further
 * events); null when it never does (the clock is paused or stopped before).
 */
export const reachInstant = (
  ticket: TicketState,
  metric: CompiledMetric,
  frame: MetricFrame,
  counted: Duration,
): Instant | null => {
  const end = frame.stop ?? Number.POSITIVE_INFINITY;
  gatherTicket(ticket);
  const at = countTime(frame.start, end, metric.pauseMask, frame.calendar, counted).reachedAt;
  if (Number.isNaN(at)) return counted <= 0 ? frame.effectiveFrom : null;
  return Math.max(at, frame.effectiveFrom);
};
