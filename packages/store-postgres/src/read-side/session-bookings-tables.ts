/**
 * The engineers' bookings in a read-side table set: one row per session with an engineer, of
 * every ticket not closed (the core's `sessionBookingsOf`, the rule the in-memory projection
 * keeps too). The projector replaces a touched ticket's rows whole, as it does its list entry.
 * Instants are bigint milliseconds, the core's numbers. The `session_bookings` view follows
 * the active set. A set made before bookings were kept gains an empty table: sessions recorded
 * before then name no engineer, so there is nothing to fill in.
 */
import type { EngineerBooking } from "@ticketfold/core";
import type { StoreSchema } from "../schema.js";
import type { ReadSideTables } from "./tables.js";

/** The view that follows the active set's bookings. */
export const sessionBookingsView = (s: StoreSchema): string => `"${s.name}".session_bookings`;

/** The table and its index (idempotent). */
export const sessionBookingsDdl = (t: ReadSideTables): readonly string[] => [
  `CREATE TABLE IF NOT EXISTS ${t.sessionBookings} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  ordinal integer NOT NULL,
  engineer text COLLATE "C" NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL CHECK (end_ms > start_ms),
  PRIMARY KEY (tenant, ticket_id, ordinal)
)`,
  // An engineer's bookings in the port's order (start, ticket, end): an overlap query is one
  // range scan up to the end asked for, no sort, and the index covers what it reads. The scan
  // starts at the engineer's earliest booking; closed tickets' rows are gone, so that is the
  // engineer's open work, not their history.
  `CREATE INDEX IF NOT EXISTS session_bookings_engineer_${t.suffix}
  ON ${t.sessionBookings} (tenant, engineer, start_ms, ticket_id, end_ms)`,
];

/** The view over the active set's table (made again on a switch). */
export const sessionBookingsViewDdl = (s: StoreSchema, t: ReadSideTables): readonly string[] => [
  `DROP VIEW IF EXISTS ${sessionBookingsView(s)}`,
  `CREATE VIEW ${sessionBookingsView(s)} AS SELECT * FROM ${t.sessionBookings}`,
];

/** A ticket's bookings as rows for `insertSessionBookingsSql`. */
export const sessionBookingRowsOf = (tenant: string, bookings: readonly EngineerBooking[]): Record<string, unknown>[] =>
  bookings.map((b, ordinal) => ({
    tenant,
    ticket_id: b.ticketId,
    ordinal,
    engineer: b.engineer,
    start_ms: b.start,
    end_ms: b.end,
  }));

/** Inserts rows given as one JSON array ($1). */
export const insertSessionBookingsSql = (t: ReadSideTables): string =>
  `INSERT INTO ${t.sessionBookings} (tenant, ticket_id, ordinal, engineer, start_ms, end_ms)
  SELECT tenant, ticket_id, ordinal, engineer, start_ms, end_ms FROM jsonb_to_recordset($1::jsonb) AS r(
    tenant text, ticket_id text, ordinal integer, engineer text, start_ms bigint, end_ms bigint)`;
