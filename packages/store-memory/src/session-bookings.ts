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
  let checkpoint: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const readToEnd = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const page = await store.readAll({ after: checkpoint, limit: options.batchSize ?? 500 });
      const done = projection.applyAll(page.events);
      if (done._tag === "Left") throw done.left;
      applied += page.events.length;
      checkpoint = page.checkpoint;
      if (page.isEnd || page.events.length === 0) return applied;
    }
  };
  const catchUp = (): Promise<number> => {
    const run = queue.then(readToEnd, readToEnd);
    queue = run.catch(() => undefined);
    return run;
  };

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
