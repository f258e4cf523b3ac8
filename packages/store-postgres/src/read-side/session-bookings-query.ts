/**
 * The engineers' bookings of a store's read side: the `SessionBookings` port over the
 * `session_bookings` view of the active table set (session-bookings-tables.ts). The read side
 * is kept by its runner (`runReadSide`), so it is eventually consistent: a booking accepted a
 * moment ago on another ticket is found once the runner has projected it, not before. Two
 * bookings of one engineer decided inside that window are both accepted (docs/sessions.md).
 */
import {
  type Instant,
  type SessionBooking,
  type SessionBookings,
  validateInstant,
  validateTenantId,
} from "@ticketfold/core";
import type { PostgresEventStore } from "../store.js";
import { validateText } from "./errors.js";
import { sessionBookingsView } from "./session-bookings-tables.js";
import { ensureReadSide } from "./versions.js";

interface BookingRow {
  ticket_id: string;
  start_ms: string | number;
  end_ms: string | number;
}

/** An engineer's bookings that overlap [start, end): they start before its end and end after its start. */
export const sessionBookingsSql = (viewName: string): string =>
  `SELECT ticket_id, start_ms, end_ms FROM ${viewName}
  WHERE tenant = $1 AND engineer = $2 AND start_ms < $4::bigint AND end_ms > $3::bigint
  ORDER BY start_ms, ticket_id, end_ms`;

/** The bookings of a store's read side (created on first use; `runReadSide` keeps it current). */
export const createPostgresSessionBookings = (store: PostgresEventStore): SessionBookings => {
  let ready: Promise<unknown> | undefined;
  const prepared = (): Promise<unknown> => {
    ready ??= ensureReadSide(store).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    async overlapping(
      tenant: string,
      engineer: string,
      start: Instant,
      end: Instant,
    ): Promise<readonly SessionBooking[]> {
      const invalid =
        validateTenantId(tenant) ??
        validateText(engineer, "engineer") ??
        validateInstant(start, "start") ??
        validateInstant(end, "end");
      if (invalid !== undefined) throw invalid;
      await prepared();
      const { rows } = await store.driver.query<BookingRow>(sessionBookingsSql(sessionBookingsView(store.schema)), [
        tenant,
        engineer,
        String(start),
        String(end),
      ]);
      return rows.map((r) => ({ ticketId: r.ticket_id, start: Number(r.start_ms), end: Number(r.end_ms) }));
    },
  };
};
