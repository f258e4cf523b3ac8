/**
 * Ticket ids are ULIDs made by the app, never by the core: 10 characters of time (taken
 * from the simulated clock, so ids sort in the demo's order) and 16 random characters.
 */
import { randomInt } from "node:crypto";
import { type Instant, type TicketId, ticketId } from "@ticketfold/core";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const encodeTime = (at: Instant): string => {
  let rest = at;
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
};

/** A new ULID ticket id for a ticket opened at `at`. */
export const newTicketId = (at: Instant): TicketId => {
  let random = "";
  for (let i = 0; i < 16; i++) random += CROCKFORD.charAt(randomInt(32));
  return ticketId(encodeTime(at) + random);
};
