/**
 * The ticket list kept in memory: consumes recorded events (each ticket's in version order,
 * duplicates skipped, a gap refused), keeps each ticket's state, compiled policy and entry, and
 * answers list queries with live SLA rows. The reference the adapters are tested against, and
 * the read model of the in-memory store (`createInMemoryTicketQueries`).
 */
import * as E from "fp-ts/lib/Either.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import type { CorruptEvent, InvalidCursor, InvalidStoreInput } from "../store/errors.js";
import type {
  TicketIndexEntry,
  TicketListFilter,
  TicketListRow,
  TicketPage,
  TicketPageRequest,
} from "../store/ticket-queries.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketState } from "../ticket/state.js";
import type { ProjectionError } from "./errors.js";
import { ticketIndexEntry } from "./ticket-index-entry.js";
import { ticketListQuery, ticketPageOf, validateTicketLookup } from "./ticket-list-query.js";
import { ticketListRow } from "./ticket-list-row.js";
import { type PolicyLookup, policyOfTicket, stepTicket, ticketKey } from "./ticket-steps.js";

interface Held {
  readonly state: TicketState;
  readonly policy: CompiledPolicy | null;
  readonly entry: TicketIndexEntry | null;
}

export class TicketIndexProjection {
  readonly #policies: PolicyLookup;
  readonly #tickets = new Map<string, Held>();
  readonly #entries = new Map<string, TicketIndexEntry>();

  /** @deprecated Use `createTicketIndexProjection(policies)`; `new` keeps working until 1.0. */
  constructor(policies: PolicyLookup) {
    this.#policies = policies;
  }

  /** Applies one event. On an error nothing changes: fix the cause and apply it again. */
  apply(recorded: RecordedEvent): E.Either<CorruptEvent | ProjectionError, void> {
    const key = ticketKey(recorded.tenantId, recorded.streamId);
    const step = stepTicket(this.#tickets.get(key)?.state, recorded);
    if (E.isLeft(step)) return step;
    if (step.right === null) return E.right(undefined);
    const { after } = step.right;
    const policy = policyOfTicket(after, this.#policies);
    if (E.isLeft(policy)) return policy;
    const entry = policy.right === null ? null : ticketIndexEntry(after, policy.right);
    this.#tickets.set(key, { state: after, policy: policy.right, entry });
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

  #row(entry: TicketIndexEntry, now: Instant): TicketListRow {
    const held = this.#tickets.get(ticketKey(entry.tenant, entry.ticketId)) as Held;
    return ticketListRow(entry, held.state, held.policy as CompiledPolicy, now);
  }

  /** A page of the tenant's tickets (the port's `listTickets`), or the refused input. */
  list(
    tenant: string,
    filter: TicketListFilter,
    page: TicketPageRequest,
  ): E.Either<InvalidStoreInput | InvalidCursor, TicketPage> {
    const q = ticketListQuery(tenant, filter, page);
    if (E.isLeft(q)) return q;
    const { rows, nextCursor } = ticketPageOf(this.#entries.values(), q.right);
    return E.right({ rows: rows.map((e) => this.#row(e, q.right.now)), nextCursor });
  }

  /** One ticket's row at `now` (the port's `getTicket`), null when there is none. */
  get(tenant: string, ticketId: string, now: Instant): E.Either<InvalidStoreInput, TicketListRow | null> {
    const invalid = validateTicketLookup(tenant, ticketId, now);
    if (invalid) return E.left(invalid);
    const entry = this.#entries.get(ticketKey(tenant, ticketId));
    return E.right(entry === undefined ? null : this.#row(entry, now));
  }

  /** A ticket's state as folded so far. */
  state(tenant: string, ticketId: string): TicketState | undefined {
    return this.#tickets.get(ticketKey(tenant, ticketId))?.state;
  }

  /** Every entry, unordered. */
  entries(): TicketIndexEntry[] {
    return [...this.#entries.values()];
  }
}

/** The ticket list kept in memory, over the policies it looks tickets' policies up in. */
export const createTicketIndexProjection = (policies: PolicyLookup): TicketIndexProjection =>
  new TicketIndexProjection(policies);
