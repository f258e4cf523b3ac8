/**
 * The list's three orders as sort keys: a page ends at its last row's key, and the next page
 * starts after it (keyset pagination), so a ticket added or changed elsewhere never shifts a
 * page. Every key ends with the ticket id, so each order is total within a tenant.
 * - `opened-desc`: opened latest first, then ticket id descending;
 * - `updated-desc`: last event latest first, then ticket id descending;
 * - `queue`: tier rank first (P-B: VIP), nearest running deadline (none last), priority rank, opened earliest,
 *   ticket id ascending: the work queue's order (compareWorkQueue), within one tenant.
 * Ids compare by UTF-16 code unit, which for ASCII ids equals PostgreSQL's `COLLATE "C"`.
 */
import type { Instant } from "../shared/instant.js";
import type { TicketIndexEntry, TicketListOrder } from "../store/ticket-queries.js";

/** The sort key of a row in one order (what a cursor carries). */
export type TicketListKey =
  | readonly [openedOrUpdated: Instant, ticketId: string]
  | readonly [
      tierRank: number,
      nextDeadline: Instant | null,
      priorityRank: number,
      openedAt: Instant,
      ticketId: string,
    ];

export const ticketListKey = (order: TicketListOrder, e: TicketIndexEntry): TicketListKey => {
  switch (order) {
    case "opened-desc":
      return [e.openedAt, e.ticketId];
    case "updated-desc":
      return [e.updatedAt, e.ticketId];
    case "queue":
      return [e.tierRank, e.nextDeadline, e.priorityRank, e.openedAt, e.ticketId];
  }
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when key `a` comes first in `order`, positive when `b` does, 0 when equal. */
export const compareTicketListKeys = (order: TicketListOrder, a: TicketListKey, b: TicketListKey): number => {
  if (order !== "queue") {
    // Newest first: both parts descending.
    return compareNumber(b[0] as number, a[0] as number) || compareText(b[1] as string, a[1] as string);
  }
  const [av, ad, ar, ao, ai] = a as readonly [number, Instant | null, number, Instant, string];
  const [bv, bd, br, bo, bi] = b as readonly [number, Instant | null, number, Instant, string];
  if (av !== bv) return compareNumber(av, bv);
  if (ad !== bd) return ad === null ? 1 : bd === null ? -1 : compareNumber(ad, bd);
  return compareNumber(ar, br) || compareNumber(ao, bo) || compareText(ai, bi);
};

/** The comparator of entries in `order`. */
export const compareTicketList =
  (order: TicketListOrder) =>
  (a: TicketIndexEntry, b: TicketIndexEntry): number =>
    compareTicketListKeys(order, ticketListKey(order, a), ticketListKey(order, b));
