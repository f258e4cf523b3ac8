/**
 * The engineers' bookings for the in-memory store (or any EventStore without a read side of
 * its own): the core's `SessionBookingsProjection` fed from `readAll`. Each read first catches
 * up from where the last one stopped, so it sees every event appended before it: a booking
 * accepted on one ticket is in force for the next command on any other. Catch-ups run one at a
 * time, so concurrent reads never fold an event twice.
 */
import {
  createSessionBookingsProjection,
  type EventStore,
  type Instant,
  type SessionBooking,
  type SessionBookings,
} from "@ticketfold/core";
import { followLog } from "./log-follower.js";

export interface InMemorySessionBookingsOptions {
  /** Events read per `readAll` page (default 500). */
  readonly batchSize?: number;
}

export interface InMemorySessionBookings extends SessionBookings {
  /** Reads the log up to its end now; returns how many events it applied. */
  catchUp(): Promise<number>;
}

export const createInMemorySessionBookings = (
  store: EventStore,
  options: InMemorySessionBookingsOptions = {},
): InMemorySessionBookings => {
  const projection = createSessionBookingsProjection();
  const { catchUp } = followLog(store, (events) => projection.applyAll(events), options.batchSize);

  return {
    catchUp,
    async overlapping(
      tenant: string,
      engineer: string,
      start: Instant,
      end: Instant,
    ): Promise<readonly SessionBooking[]> {
      await catchUp();
      return projection.overlapping(tenant, engineer, start, end);
    },
  };
};
