/**
 * The work queue's order and filters (P-B: VIP customers before standard ones — the tiers of
 * the policy's scale in order, `workflow.customerTiers` —, then the
 * nearest SLA deadline; P-D: organisation members see all their organisation's tickets).
 * The order is total, so every store returns the same page: tier rank first, nearest deadline (none
 * last), priority rank, opened earliest, then ticket id and tenant as tie-breakers. Ids are
 * compared by UTF-16 code unit, which for the ASCII ids Ticketfold issues equals PostgreSQL's
 * `COLLATE "C"` byte order.
 */
import type { QueuedStatus, WorkQueueEntry } from "./work-queue-entry.js";

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes first, positive when `b` does; 0 only for the same ticket. */
export const compareWorkQueue = (a: WorkQueueEntry, b: WorkQueueEntry): number => {
  if (a.tierRank !== b.tierRank) return a.tierRank - b.tierRank;
  if (a.nextDeadline !== b.nextDeadline) {
    if (a.nextDeadline === null) return 1;
    if (b.nextDeadline === null) return -1;
    return a.nextDeadline - b.nextDeadline;
  }
  if (a.priorityRank !== b.priorityRank) return a.priorityRank - b.priorityRank;
  if (a.openedAt !== b.openedAt) return a.openedAt - b.openedAt;
  return compareText(a.ticketId, b.ticketId) || compareText(a.tenant, b.tenant);
};

export interface WorkQueueFilter {
  /** Required: a queue never mixes tenants. */
  readonly tenant: string;
  /** P-D: an organisation member sees every ticket of their organisation. */
  readonly organisation?: string;
  /** An agent's id, or null for unassigned tickets. */
  readonly assignee?: string | null;
  /** Only these statuses (any queued status when absent or empty). */
  readonly status?: readonly QueuedStatus[];
  readonly vipOnly?: boolean;
}

/** Does the entry pass the filter? */
export const matchesWorkQueueFilter = (e: WorkQueueEntry, f: WorkQueueFilter): boolean =>
  e.tenant === f.tenant &&
  (f.organisation === undefined || e.organisation === f.organisation) &&
  (f.assignee === undefined || e.assignee === f.assignee) &&
  (f.status === undefined || f.status.length === 0 || f.status.includes(e.status)) &&
  (f.vipOnly !== true || e.vip);

/** The entries that pass the filter, in queue order, at most `limit` of them. */
export const queryWorkQueue = (
  entries: Iterable<WorkQueueEntry>,
  filter: WorkQueueFilter,
  limit = Number.POSITIVE_INFINITY,
): WorkQueueEntry[] => {
  const out: WorkQueueEntry[] = [];
  for (const e of entries) if (matchesWorkQueueFilter(e, filter)) out.push(e);
  out.sort(compareWorkQueue);
  return Number.isFinite(limit) ? out.slice(0, Math.max(0, limit)) : out;
};
