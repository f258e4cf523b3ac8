/**
 * A list row: the stored entry made live. The SLA summary is `slaStatus` of the ticket's state
 * at `now` (or at its last event, if `now` is earlier: SLA is never read before the last event),
 * computed in process from the state the read model already holds: no stream is read per row.
 */
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import type { MetricSummary, SlaSummary, TicketIndexEntry, TicketListRow } from "../store/ticket-queries.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";

/** The live SLA summary of a ticket at `at`. */
export const slaSummary = (state: TicketState, policy: CompiledPolicy, at: Instant): SlaSummary => {
  const out: { [K in MetricName]?: MetricSummary } = {};
  for (const m of Object.values(slaStatus(state, policy, at))) {
    const { metric, cycle, state: s, clock, target, deadline, remaining, breachedAt, stoppedAt } = m;
    out[metric] = { metric, cycle, state: s, clock, target, deadline, remaining, breachedAt, stoppedAt };
  }
  return out;
};

/** The row of `entry` as of `now`; `state` and `policy` are the ticket's, at the entry's version. */
export const ticketListRow = (
  entry: TicketIndexEntry,
  state: TicketState,
  policy: CompiledPolicy,
  now: Instant,
): TicketListRow => {
  const asOf = Math.max(now, entry.updatedAt);
  const sla = slaSummary(state, policy, asOf);
  const breached = Object.values(sla).some((m) => m.state === "breached");
  return { ...entry, asOf, breached, sla };
};
