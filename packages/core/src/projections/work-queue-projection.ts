/**
 * The work queue kept in memory: consumes recorded events (any order across tickets, each
 * ticket's events in version order, duplicates skipped), keeps each ticket's state and its
 * queue entry, and answers queries. The reference the PostgreSQL projection is tested
 * against, and enough on its own for an app on the in-memory store.
 */
import * as E from "fp-ts/lib/Either.js";
import type { CorruptEvent } from "../store/errors.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketState } from "../ticket/state.js";
import type { ProjectionError } from "./errors.js";
import { type PolicyLookup, policyOfTicket, stepTicket, ticketKey } from "./ticket-steps.js";
import { type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
import { queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";

export class WorkQueueProjection {
  readonly #policies: PolicyLookup;
  readonly #states = new Map<string, TicketState>();
  readonly #entries = new Map<string, WorkQueueEntry>();

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
    const entry = policy.right === null ? null : workQueueEntry(after, policy.right);
    if (entry === null) this.#entries.delete(key);
    else this.#entries.set(key, entry);
    return E.right(undefined);
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

  /** Every queued entry, unordered. */
  entries(): WorkQueueEntry[] {
    return [...this.#entries.values()];
  }
}

/** The work queue kept in memory, over the policies it looks tickets' policies up in. */
export const createWorkQueueProjection = (policies: PolicyLookup): WorkQueueProjection =>
  new WorkQueueProjection(policies);
