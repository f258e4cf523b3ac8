/**
 * A ticket's entry in the ticket list: what a read model stores and indexes of every opened
 * ticket, resolved and closed ones too. Computed from the state and compiled policy alone, with
 * no clock: the SLA figures are as of the ticket's last event. The nearest running deadline is
 * exact at any later instant too (a running clock's deadline does not move until the next
 * event), which is what lets `breached` be read live from stored data: breached at `now` ⇔
 * breached at the last event, or the nearest running deadline is ≤ `now` (ticket-list-filter.ts;
 * a property test holds it against `slaStatus`).
 */
import type { CompiledPolicy } from "../policy/compiled.js";
import { tierRank } from "../policy/tiers.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import type { TicketIndexEntry } from "../store/ticket-queries.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { queueRank } from "./work-queue-entry.js";

/** The nearest running deadline and whether any metric is breached, at `at`. */
export const deadlineDigest = (
  state: TicketState,
  policy: CompiledPolicy,
  at: Instant,
): { nextDeadline: Instant | null; nextDeadlineMetric: MetricName | null; breached: boolean } => {
  let nextDeadline: Instant | null = null;
  let nextDeadlineMetric: MetricName | null = null;
  let breached = false;
  for (const m of Object.values(slaStatus(state, policy, at))) {
    if (m.state === "breached") breached = true;
    // Metrics come in the policy's fixed order, so a tie keeps the first one.
    if (m.clock === "running" && Number.isFinite(m.deadline) && (nextDeadline === null || m.deadline < nextDeadline)) {
      nextDeadline = m.deadline;
      nextDeadlineMetric = m.metric;
    }
  }
  return { nextDeadline, nextDeadlineMetric, breached };
};

/** The ticket's entry, or null when it has not been opened. */
export const ticketIndexEntry = (state: TicketState, policy: CompiledPolicy): TicketIndexEntry | null => {
  const { fields, openedAt, lastEventAt, tenantId, ticketId, priority, status } = state;
  if (status === "none" || fields === null || openedAt === null || lastEventAt === null) return null;
  if (tenantId === null || ticketId === null || priority === null) return null;
  return {
    tenant: tenantId,
    ticketId,
    version: state.version,
    policyId: state.policyId ?? policy.policy.id,
    status,
    priority,
    priorityRank: queueRank(policy, priority),
    customerTier: fields.customerTier ?? null,
    vip: tierRank(policy.policy, fields.customerTier) === 0,
    tierRank: tierRank(policy.policy, fields.customerTier),
    organisation: fields.organisation ?? null,
    contractId: fields.contractId ?? null,
    requester: fields.requester.id,
    assignee: state.assignee,
    group: state.group,
    subject: fields.subject,
    category: fields.category,
    openedAt,
    updatedAt: lastEventAt,
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
    ...deadlineDigest(state, policy, lastEventAt),
  };
};
