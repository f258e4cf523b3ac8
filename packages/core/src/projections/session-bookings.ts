/**
 * The engineers' bookings kept in memory from the event log: each ticket's state is folded
 * (`stepTicket`: duplicates skipped, a gap refused) and its bookings restated from it —
 * `sessionBookingsOf`, one rule shared with the PostgreSQL read side. A session counts as a
 * booking while its ticket is not closed and names an engineer; closing the ticket releases
 * the engineer's time. Pure and synchronous: `createInMemorySessionBookings` (store-memory)
 * feeds it from `readAll` and answers the `SessionBookings` port with it.
 */
import * as E from "fp-ts/lib/Either.js";
import type { SessionBooking } from "../decide/session.js";
import type { Instant } from "../shared/instant.js";
import type { CorruptEvent } from "../store/errors.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketState } from "../ticket/state.js";
import type { EventOutOfOrder } from "./errors.js";
import { stepTicket, ticketKey } from "./ticket-steps.js";

/** A booking with the engineer it holds. */
export interface EngineerBooking extends SessionBooking {
  readonly engineer: string;
}

/** The bookings a ticket holds: its sessions with an engineer, none once it is closed. */
export const sessionBookingsOf = (state: TicketState): readonly EngineerBooking[] => {
  if (state.ticketId === null || state.status === "closed") return [];
  const ticketId = state.ticketId;
  return state.sessions.flatMap((s) =>
    s.engineer === undefined ? [] : [{ ticketId, engineer: s.engineer, start: s.start, end: s.start + s.length }],
  );
};

/** Start order, then ticket id: the order `SessionBookings.overlapping` answers in. */
export const compareBookings = (a: SessionBooking, b: SessionBooking): number =>
  a.start - b.start || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0) || a.end - b.end;

export class SessionBookingsProjection {
  readonly #states = new Map<string, TicketState>();
  /** tenant/engineer → ticket id → that ticket's bookings with the engineer. */
  readonly #byEngineer = new Map<string, Map<string, readonly EngineerBooking[]>>();

  /** Applies one event. On an error nothing changes. */
  apply(recorded: RecordedEvent): E.Either<CorruptEvent | EventOutOfOrder, void> {
    const key = ticketKey(recorded.tenantId, recorded.streamId);
    const before = this.#states.get(key);
    const step = stepTicket(before, recorded);
    if (E.isLeft(step)) return step;
    if (step.right === null) return E.right(undefined);
    this.#states.set(key, step.right.after);
    const tenant = recorded.tenantId;
    for (const b of before === undefined ? [] : sessionBookingsOf(before))
      this.#byEngineer.get(`${tenant}/${b.engineer}`)?.delete(recorded.streamId);
    for (const b of sessionBookingsOf(step.right.after)) {
      const k = `${tenant}/${b.engineer}`;
      const tickets = this.#byEngineer.get(k) ?? new Map<string, readonly EngineerBooking[]>();
      tickets.set(recorded.streamId, [...(tickets.get(recorded.streamId) ?? []), b]);
      this.#byEngineer.set(k, tickets);
    }
    return E.right(undefined);
  }

  /** Applies events in order, stopping at the first error. */
  applyAll(events: Iterable<RecordedEvent>): E.Either<CorruptEvent | EventOutOfOrder, void> {
    for (const e of events) {
      const done = this.apply(e);
      if (E.isLeft(done)) return done;
    }
    return E.right(undefined);
  }

  /** The engineer's bookings on the tenant's tickets that overlap [`start`, `end`). */
  overlapping(tenant: string, engineer: string, start: Instant, end: Instant): readonly SessionBooking[] {
    const tickets = this.#byEngineer.get(`${tenant}/${engineer}`);
    if (tickets === undefined) return [];
    const found: SessionBooking[] = [];
    for (const bookings of tickets.values())
      for (const b of bookings)
        if (b.start < end && start < b.end) found.push({ ticketId: b.ticketId, start: b.start, end: b.end });
    return found.sort(compareBookings);
  }
}

/** An empty bookings projection. */
export const createSessionBookingsProjection = (): SessionBookingsProjection => new SessionBookingsProjection();
