/**
 * One row of the work queue: what an agent needs to pick the next ticket (P-B: VIP customers
 * first, then the nearest SLA deadline). Computed from a ticket's state and its compiled
 * policy alone — no clock: SLA figures are read as of the ticket's last event, which is exact
 * for deadlines (a running clock's deadline does not move until the next event) and makes the
 * breached flag "breached as of the last event" (the timers' `sla-breached` event refreshes it;
 * `isOverdue` compares a deadline with a caller's `now`). The in-memory work queue passes the
 * statuses its live SLA index derives (sla-index.ts), which are the same readings.
 */

import type { CompiledPolicy } from "../policy/compiled.js";
import { priorityRank } from "../policy/priority.js";
import { tierRank } from "../policy/tiers.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import type { SlaStatus } from "../sla/status.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import type { Status } from "../ticket/transitions.js";

/** The statuses a queued ticket can be in: resolved and closed tickets leave the queue. */
export type QueuedStatus = Extract<Status, "new" | "open" | "awaiting-customer">;

export interface WorkQueueEntry {
  readonly tenant: string;
  readonly ticketId: string;
  /** Stream version the entry was computed at (upserts keep the newest). */
  readonly version: number;
  readonly policyId: string;
  readonly organisation: string | null;
  readonly contractId: string | null;
  /** The requester's id. */
  readonly requester: string;
  readonly assignee: string | null;
  readonly group: string | null;
  readonly status: QueuedStatus;
  readonly priority: string;
  /** 0 = most urgent; a priority missing from the scale ranks after every level on it. */
  readonly priorityRank: number;
  /** The customer's tier is the first of the policy's scale (P-B: VIP). */
  readonly vip: boolean;
  /** Place of the customer's tier on the policy's scale (`workflow.customerTiers`): 0 is served first. */
  readonly tierRank: number;
  readonly subject: string;
  readonly openedAt: Instant;
  /** The ticket's last event. */
  readonly updatedAt: Instant;
  /** Nearest deadline among the metrics whose clock is running (paused clocks have none). */
  readonly nextDeadline: Instant | null;
  readonly nextDeadlineMetric: MetricName | null;
  /** Some metric is breached as of the last event (running past, or stopped after, its deadline). */
  readonly breached: boolean;
}

const QUEUED: ReadonlySet<string> = new Set(["new", "open", "awaiting-customer"]);

/** The rank used for ordering: unknown priorities go after every level of the scale. */
export const queueRank = (policy: CompiledPolicy, priority: string): number => {
  const rank = priorityRank(policy.policy.priorities, priority);
  return rank < 0 ? policy.policy.priorities.levels.length : rank;
};

/** Is the ticket in a status the queue holds (new, open, awaiting customer)? */
export const isQueued = (state: TicketState): boolean => QUEUED.has(state.status);

/**
 * The queue entry of a ticket, or null when it is not opened, or resolved or closed.
 * `asOfLastEvent`: its SLA statuses at its last event, when the caller has them (else read here).
 */
export const workQueueEntry = (
  state: TicketState,
  policy: CompiledPolicy,
  asOfLastEvent?: SlaStatus,
): WorkQueueEntry | null => {
  const { fields, openedAt, lastEventAt, tenantId, ticketId, priority } = state;
  if (!QUEUED.has(state.status) || fields === null || openedAt === null || lastEventAt === null) return null;
  if (tenantId === null || ticketId === null || priority === null) return null;
  let nextDeadline: Instant | null = null;
  let nextDeadlineMetric: MetricName | null = null;
  let breached = false;
  for (const m of Object.values(asOfLastEvent ?? slaStatus(state, policy, lastEventAt))) {
    if (m.state === "breached") breached = true;
    // Metrics are visited in the policy's fixed order, so a tie keeps the first metric.
    if (m.clock === "running" && Number.isFinite(m.deadline) && (nextDeadline === null || m.deadline < nextDeadline)) {
      nextDeadline = m.deadline;
      nextDeadlineMetric = m.metric;
    }
  }
  return {
    tenant: tenantId,
    ticketId,
    version: state.version,
    policyId: state.policyId ?? policy.policy.id,
    organisation: fields.organisation ?? null,
    contractId: fields.contractId ?? null,
    requester: fields.requester.id,
    assignee: state.assignee,
    group: state.group,
    status: state.status as QueuedStatus,
    priority,
    priorityRank: queueRank(policy, priority),
    vip: tierRank(policy.policy, fields.customerTier) === 0,
    tierRank: tierRank(policy.policy, fields.customerTier),
    subject: fields.subject,
    openedAt,
    updatedAt: lastEventAt,
    nextDeadline,
    nextDeadlineMetric,
    breached,
  };
};

/** Is the entry past its nearest deadline at `now` (or already breached)? */
export const isOverdue = (entry: WorkQueueEntry, now: Instant): boolean =>
  entry.breached || (entry.nextDeadline !== null && entry.nextDeadline <= now);
