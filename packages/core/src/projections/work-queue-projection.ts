/**
 * The work queue kept in memory: consumes recorded events (any order across tickets, each
 * ticket's events in version order, duplicates skipped), keeps each ticket's state and its
 * queue entry, and answers queries. The reference the PostgreSQL projection is tested
 * against, and enough on its own for an app on the in-memory store. Its SLA columns, and the
 * live statuses and deadlines it answers, come from its live SLA index (sla-index.ts): an
 * event re-reads a ticket's clocks only when it changed them.
 */
import * as E from "fp-ts/lib/Either.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import type { SlaStatus } from "../sla/status.js";
import type { CorruptEvent } from "../store/errors.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketState } from "../ticket/state.js";
import type { ProjectionError } from "./errors.js";
import { SlaIndex } from "./sla-index.js";
import { type PolicyLookup, policyOfTicket, stepTicket, ticketKey } from "./ticket-steps.js";
import { isQueued, type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
import { queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";

export class WorkQueueProjection {
  readonly #policies: PolicyLookup;
  readonly #states = new Map<string, TicketState>();
  readonly #entries = new Map<string, WorkQueueEntry>();
  readonly #sla = new SlaIndex();

  /** @deprecated Use `createWorkQueueProjection(policies)`; `new` keeps working until 1.0. */
  constructor(policies: PolicyLookup) {
    this.#policies = policies;
  }

  /** Applies one event. On an error nothing changes: fix the cause and apply it again. */
  apply(recorded: RecordedEvent): E.Either<CorruptEvent | ProjectionError, void> {
    const key = ticketKey(recorded.tenantId, recorded.streamId);
    const step = stepTicket(this.#states.get(key), recorded);
    if (E.isLeft(step)) return step;
    if (step.right === null) return E.right(undefined);
    const { after } = step.right;
    const policy = policyOfTicket(after, this.#policies);
    if (E.isLeft(policy)) return policy;
    this.#states.set(key, after);
    const entry = policy.right === null ? null : this.#entryOf(key, after, policy.right);
    if (entry === null) {
      this.#entries.delete(key);
      this.#sla.untrack(key);
    } else this.#entries.set(key, entry);
    return E.right(undefined);
  }

  /** The entry of a ticket after an event, its SLA columns from the index (null when it leaves the queue). */
  #entryOf(key: string, state: TicketState, policy: CompiledPolicy): WorkQueueEntry | null {
    if (!isQueued(state) || state.lastEventAt === null || !this.#sla.track(key, state, policy)) return null;
    return workQueueEntry(state, policy, this.#sla.status(key, state.lastEventAt));
  }

  /** Applies events in order, stopping at the first error. */
  applyAll(events: Iterable<RecordedEvent>): E.Either<CorruptEvent | ProjectionError, void> {
    for (const e of events) {
      const done = this.apply(e);
      if (E.isLeft(done)) return done;
    }
    return E.right(undefined);
  }

  /** The queue: entries passing the filter, in queue order (compareWorkQueue), at most `limit`. */
  query(filter: WorkQueueFilter, limit?: number): WorkQueueEntry[] {
    return queryWorkQueue(this.#entries.values(), filter, limit);
  }

  entry(tenant: string, ticketId: string): WorkQueueEntry | undefined {
    return this.#entries.get(ticketKey(tenant, ticketId));
  }

  state(tenant: string, ticketId: string): TicketState | undefined {
    return this.#states.get(ticketKey(tenant, ticketId));
  }

  /**
   * A queued ticket's SLA statuses at `now` (at or after its last event), as `slaStatus` gives
   * them, derived from the index without reading the ticket again.
   */
  slaStatus(tenant: string, ticketId: string, now: Instant): SlaStatus | undefined {
    return this.#sla.status(ticketKey(tenant, ticketId), now);
  }

  /** The queued entries whose nearest running deadline is at or before `now`, nearest first. */
  dueBy(now: Instant): WorkQueueEntry[] {
    return this.#entriesOf(this.#sla.dueBy(now));
  }

  /** The `n` queued entries with the nearest running deadlines, nearest first. */
  nearestDeadlines(n: number): WorkQueueEntry[] {
    return this.#entriesOf(this.#sla.nearest(n));
  }

  #entriesOf(deadlines: readonly { readonly key: string }[]): WorkQueueEntry[] {
    const out: WorkQueueEntry[] = [];
    for (const d of deadlines) {
      const e = this.#entries.get(d.key);
      if (e !== undefined) out.push(e);
    }
    return out;
  }

  /** Every queued entry, unordered. */
  entries(): WorkQueueEntry[] {
    return [...this.#entries.values()];
  }
}

/** The work queue kept in memory, over the policies it looks tickets' policies up in. */
export const createWorkQueueProjection = (policies: PolicyLookup): WorkQueueProjection =>
  new WorkQueueProjection(policies);
