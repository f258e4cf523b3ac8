/**
 * The read-model port: what a desk asks of its tickets besides the command side. Every
 * ticket of a tenant (resolved and closed too), filtered, in one of three orders, a page at a
 * time behind an opaque keyset cursor, each row with its live SLA summary as of a `now` the
 * caller gives (the core reads no clock). Adapters (in-memory, PostgreSQL, PGlite) implement
 * it; the meaning of every filter, order and cursor is defined once, in pure code
 * (`projections/ticket-list*.ts`), and the contract suite holds each adapter to it.
 */
import type { Instant } from "../shared/instant.js";
import type { MetricStatus } from "../sla/status.js";
import type { MetricName } from "../ticket/events.js";
import type { Status } from "../ticket/transitions.js";

/** Rows per page when the request names none. */
export const DEFAULT_PAGE_SIZE = 50;
/** The most rows one page may ask for. */
export const MAX_PAGE_SIZE = 500;

/**
 * The orders of a list (docs/projections.md, "Order"):
 * - `opened-desc` (the default): newest ticket first. Its key never changes, so walking the
 *   pages while tickets change still lists each ticket exactly once;
 * - `updated-desc`: most recent activity first (a ticket that changes during a walk moves);
 * - `queue`: the work-queue order (tier rank first, nearest running deadline, priority, oldest).
 */
export type TicketListOrder = "opened-desc" | "updated-desc" | "queue";

/** Filters; each given one must hold (AND); a list filter holds for any of its values. */
export interface TicketListFilter {
  readonly status?: readonly Status[];
  /** The requester's id. */
  readonly requester?: string;
  /** P-D: an organisation member sees all the organisation's tickets, closed ones too. */
  readonly organisation?: string;
  /** An agent's id, or null for unassigned tickets. */
  readonly assignee?: string | null;
  readonly priority?: readonly string[];
  /** The customer tier (P-B: `vip`). */
  readonly customerTier?: string;
  /** Breached as of `now` (true) or not (false): some metric's current cycle is past its target. */
  readonly breached?: boolean;
  /** The nearest deadline of a running SLA clock is before this instant (overdue ones included). */
  readonly dueBefore?: Instant;
}

/** Which page: the order, its size and where the previous page ended; `now` for the live SLA. */
export interface TicketPageRequest {
  /** The instant the SLA summary, `breached` and its filter are evaluated at. */
  readonly now: Instant;
  readonly order?: TicketListOrder;
  /** 1 to MAX_PAGE_SIZE (default DEFAULT_PAGE_SIZE). */
  readonly limit?: number;
  /** The previous page's `nextCursor`; absent or null for the first page. */
  readonly cursor?: string | null;
}

/**
 * What a read model keeps of each opened ticket: its fields and the SLA figures that do not
 * change while no event happens (a running clock's deadline stays put), so adapters can store
 * and index it. `breached` here is as of the ticket's last event.
 */
export interface TicketIndexEntry {
  readonly tenant: string;
  readonly ticketId: string;
  /** The stream version the entry was computed at. */
  readonly version: number;
  readonly policyId: string;
  readonly status: Status;
  readonly priority: string;
  /** 0 = most urgent; a priority missing from the policy's scale ranks after all of it. */
  readonly priorityRank: number;
  readonly customerTier: string | null;
  /** The customer's tier is the first of the policy's scale (P-B: VIP, served first). */
  readonly vip: boolean;
  /** Place of the tier on the policy's scale (`workflow.customerTiers`): 0 is served first. */
  readonly tierRank: number;
  readonly organisation: string | null;
  readonly contractId: string | null;
  readonly requester: string;
  readonly assignee: string | null;
  readonly group: string | null;
  readonly subject: string;
  readonly category: string;
  readonly openedAt: Instant;
  /** The ticket's last event. */
  readonly updatedAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly closedAt: Instant | null;
  /** Nearest deadline among the metrics whose clock runs (a paused or stopped clock has none). */
  readonly nextDeadline: Instant | null;
  readonly nextDeadlineMetric: MetricName | null;
  /** Some metric is breached as of the last event. */
  readonly breached: boolean;
}

/** One metric's live figures in a list row. */
export type MetricSummary = Pick<
  MetricStatus,
  "metric" | "cycle" | "state" | "clock" | "target" | "deadline" | "remaining" | "breachedAt" | "stoppedAt"
>;

/** A ticket's SLA metrics as of the row's `asOf`, by metric name. */
export type SlaSummary = { readonly [K in MetricName]?: MetricSummary };

/** A row of a list: the entry, with `breached` and the SLA summary live as of `asOf`. */
export interface TicketListRow extends TicketIndexEntry {
  /** `now`, or the ticket's last event when that is later (SLA is never read before it). */
  readonly asOf: Instant;
  /** Some metric is breached at `asOf`. */
  readonly breached: boolean;
  readonly sla: SlaSummary;
}

export interface TicketPage {
  readonly rows: readonly TicketListRow[];
  /** Pass it back for the next page; null when this page is the last. */
  readonly nextCursor: string | null;
}

/**
 * The port. Errors (rejected promises, with codes): `INVALID_STORE_INPUT` (a tenant breaking
 * the tenant id rule, filter text no store can hold, a limit or instant out of range; `path`
 * names it) and `INVALID_CURSOR` (a cursor this query did not issue).
 */
export interface TicketQueries {
  /** A page of the tenant's tickets passing `filter`, in the page's order. */
  listTickets(tenant: string, filter: TicketListFilter, page: TicketPageRequest): Promise<TicketPage>;
  /** One ticket's row as of `now`, or null when the tenant has no such opened ticket. */
  getTicket(tenant: string, ticketId: string, now: Instant): Promise<TicketListRow | null>;
}
