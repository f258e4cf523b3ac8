/**
 * The list's filters, defined once: adapters translate each into their query language and the
 * contract suite checks their answers against this function. Every given filter must hold;
 * a list filter (status, priority) holds for any of its values, and an empty list for none.
 * The two live filters read only stored figures and `now`:
 * - breached at `now` ⇔ breached at the last event, or the nearest running deadline ≤ `now`
 *   (a running clock is breached from its deadline on; a paused or stopped one does not change);
 * - due before `t` ⇔ the nearest running deadline < `t` (overdue tickets included).
 */
import type { Instant } from "../shared/instant.js";
import type { TicketIndexEntry, TicketListFilter } from "../store/ticket-queries.js";

/** Is the ticket breached at `now`, by its stored entry? (Equals its live SLA summary's verdict.) */
export const isBreachedAt = (e: TicketIndexEntry, now: Instant): boolean =>
  e.breached || (e.nextDeadline !== null && e.nextDeadline <= now);

/** Does the entry pass the filter at `now`? (The tenant is the query's, checked apart.) */
export const matchesTicketListFilter = (e: TicketIndexEntry, f: TicketListFilter, now: Instant): boolean =>
  (f.status === undefined || f.status.includes(e.status)) &&
  (f.requester === undefined || e.requester === f.requester) &&
  (f.organisation === undefined || e.organisation === f.organisation) &&
  (f.assignee === undefined || e.assignee === f.assignee) &&
  (f.priority === undefined || f.priority.includes(e.priority)) &&
  (f.customerTier === undefined || e.customerTier === f.customerTier) &&
  (f.breached === undefined || isBreachedAt(e, now) === f.breached) &&
  (f.dueBefore === undefined || (e.nextDeadline !== null && e.nextDeadline < f.dueBefore));
