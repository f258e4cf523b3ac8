/**
 * The bookings port: an engineer's working sessions across the tickets of a tenant, read
 * before a `schedule-session` is decided (the decision sees one ticket; an engineer works
 * many). Kept from the event log: each `session-scheduled` with an engineer is a booking until
 * its ticket is closed. Adapters: `createInMemorySessionBookings` (store-memory: it catches up
 * on each read, so it sees every event appended before it) and `createPostgresSessionBookings`
 * (store-postgres: a read-side table, as current as the read side's runner — see
 * docs/sessions.md on the window this leaves).
 */
import type { SessionBooking } from "../decide/session.js";
import type { Instant } from "../shared/instant.js";

export interface SessionBookings {
  /**
   * The sessions `engineer` has on the tenant's tickets that overlap [`start`, `end`): a
   * booking ending at `start` or starting at `end` does not. In start order, then ticket id.
   */
  overlapping(tenant: string, engineer: string, start: Instant, end: Instant): Promise<readonly SessionBooking[]>;
}
