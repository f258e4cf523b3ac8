/**
 * Ticket ids are ULIDs made by the app, never by the core: their time part is taken from the
 * simulated clock, so ids sort in the demo's order; the rest is random.
 */
import { type Instant, type TicketId, ticketId } from "@ticketfold/core";
import { ulid } from "ulid";

/** A new ULID ticket id for a ticket opened at `at`. */
export const newTicketId = (at: Instant): TicketId => ticketId(ulid(at));
