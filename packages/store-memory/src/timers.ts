/**
 * In-memory timer table: each ticket's next wake-up, with the same lease behaviour as the
 * PostgreSQL `timers` table (docs/design/event-store.md#timers). A claim leases the ticket until
 * `now + leaseMs`; a worker that dies keeps it only that long. Claims run to completion
 * without awaiting, so two workers in one process never hold the same ticket.
 */
import {
  type ClaimedTimer,
  type ClaimRequest,
  type Instant,
  type TimerQueue,
  validateClaimRequest,
  validateStoreKey,
  validateTenantId,
} from "@ticketfold/core";

export interface TimerRow {
  readonly tenantId: string;
  readonly ticketId: string;
  /** Next wake-up; null when nothing will change until another event. */
  readonly dueAt: Instant | null;
  readonly lockedUntil: Instant | null;
  readonly lockedBy: string | null;
}

const key = (tenantId: string, ticketId: string): string => `${tenantId}\u0000${ticketId}`;

export class InMemoryTimers implements TimerQueue {
  readonly #rows = new Map<string, TimerRow>();

  /** @deprecated Use `createInMemoryTimers()`; `new` keeps working until 1.0. */
  // biome-ignore lint/complexity/noUselessConstructor: it carries the deprecation of `new`.
  constructor() {}

  /** Writes a ticket's wake-up (appends call this); a lease on the ticket is kept. */
  schedule(tenantId: string, ticketId: string, dueAt: Instant | null): void {
    const k = key(tenantId, ticketId);
    const row = this.#rows.get(k);
    this.#rows.set(k, row ? { ...row, dueAt } : { tenantId, ticketId, dueAt, lockedUntil: null, lockedBy: null });
  }

  /** The ticket's row, if it ever had a wake-up. */
  get(tenantId: string, ticketId: string): TimerRow | undefined {
    const invalid = validateTenantId(tenantId) ?? validateStoreKey(ticketId, "ticketId");
    if (invalid) throw invalid;
    return this.#rows.get(key(tenantId, ticketId));
  }

  /** Every row with a wake-up, earliest first. */
  scheduled(): TimerRow[] {
    return [...this.#rows.values()]
      .filter((r) => r.dueAt !== null)
      .sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
  }

  async claimDue(request: ClaimRequest): Promise<ClaimedTimer[]> {
    const invalid = validateClaimRequest(request);
    if (invalid) throw invalid;
    const { now, owner, leaseMs, limit } = request;
    const due = this.scheduled().filter(
      (r) => (r.dueAt as number) <= now && (r.lockedUntil === null || r.lockedUntil <= now),
    );
    return due.slice(0, Math.max(0, limit)).map((r) => {
      this.#rows.set(key(r.tenantId, r.ticketId), { ...r, lockedUntil: now + leaseMs, lockedBy: owner });
      return { tenantId: r.tenantId, ticketId: r.ticketId, dueAt: r.dueAt as number };
    });
  }

  async release(timer: ClaimedTimer, owner: string, nextDueAt: Instant | null): Promise<void> {
    const k = key(timer.tenantId, timer.ticketId);
    const row = this.#rows.get(k);
    // A lapsed lease taken by another worker is theirs to release.
    if (!row || row.lockedBy !== owner) return;
    // An append since the claim wrote a newer wake-up; it wins over the worker's view.
    const dueAt = row.dueAt === timer.dueAt ? nextDueAt : row.dueAt;
    this.#rows.set(k, { ...row, dueAt, lockedUntil: null, lockedBy: null });
  }
}

/** An empty in-memory timer table. */
export const createInMemoryTimers = (): InMemoryTimers => new InMemoryTimers();
