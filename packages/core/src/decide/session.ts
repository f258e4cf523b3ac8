/**
 * Booking a working session (P-A: "you will receive a scheduling link … Choose a convenient
 * time to work with an engineer"; P-B: "book a time with an IT Pro", Mon–Fri 9:00 AM–4:00 PM).
 * When the policy names the engineers' calendar (`workflow.sessions.calendar`), the whole
 * session must be open time on it — no Saturday 03:00. It may not overlap another session of
 * the ticket, nor a session its engineer already has on another ticket of the tenant: those
 * bookings come from a read model (`SessionBookings`, asked by the handler before it decides),
 * so the decision stays pure and sees one ticket. Without the calendar setting only a positive
 * length and the overlaps are checked.
 *
 * The engineer is the command's `engineer`, else the ticket's assignee; with neither, no one is
 * named and only the ticket's own sessions are checked (as before engineers were recorded).
 */
import * as E from "fp-ts/lib/Either.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { formatInstant, type Instant } from "../shared/instant.js";
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketState } from "../ticket/state.js";
import { type Decision, eventFrom, ok } from "./build.js";

/** A session an engineer has booked on a ticket: from `start` (inclusive) to `end` (exclusive). */
export interface SessionBooking {
  readonly ticketId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** Who works a session: the command's engineer, else the ticket's assignee; undefined: no one named. */
export const sessionEngineer = (c: CommandOf<"schedule-session">, s: TicketState): string | undefined =>
  c.data.engineer ?? (s.assignee === null || s.assignee === "" ? undefined : s.assignee);

/** Half-open intervals [a, b) and [c, d) overlap: a session ending at 10:00 and one starting at 10:00 do not. */
const overlaps = (start: Instant, end: Instant, other: { start: Instant; end: Instant }): boolean =>
  other.start < end && start < other.end;

const conflict = (
  start: Instant,
  end: Instant,
  other: { start: Instant; end: Instant; ticketId?: string },
  engineer: string | undefined,
): DomainError => {
  const span = (a: Instant, b: Instant) => `${formatInstant(a)} to ${formatInstant(b)}`;
  const where =
    other.ticketId === undefined
      ? `the session booked from ${span(other.start, other.end)}`
      : `the session ${engineer} has on ticket ${other.ticketId} from ${span(other.start, other.end)}`;
  return {
    code: "SESSION_CONFLICT",
    start,
    end,
    conflictsWith: other,
    ...(other.ticketId === undefined || engineer === undefined ? {} : { engineer }),
    message: `a session from ${span(start, end)} overlaps ${where}`,
  };
};

/**
 * Decides `schedule-session`. `bookings`: the engineer's sessions on the tenant's tickets that
 * meet the requested interval (the handler's read model; its entries for this ticket are
 * ignored, the ticket's own state is the truth for them).
 */
export const decideScheduleSession = (
  c: CommandOf<"schedule-session">,
  s: TicketState,
  policy: Policy,
  bookings: readonly SessionBooking[] = [],
): Decision => {
  const { start, length } = c.data;
  if (!(length > 0))
    return E.left({ code: "INVALID_VALUE", field: "length", message: "a working session needs a length above zero" });
  const end = start + length;
  const compiled = compiledPolicyOf(policy);
  const cal = E.isRight(compiled) ? compiled.right.sessions?.calendar : undefined;
  if (cal !== undefined && cal.between(start, end) !== length)
    return E.left({
      code: "SESSION_NOT_BOOKABLE",
      start,
      end,
      nextOpen: cal.nextOpen(start),
      message: `a session from ${formatInstant(start)} to ${formatInstant(end)} is not inside the bookable hours of calendar ${cal.id}`,
    });
  const engineer = sessionEngineer(c, s);
  const own = s.sessions.find((b) => overlaps(start, end, { start: b.start, end: b.start + b.length }));
  if (own !== undefined)
    return E.left(conflict(start, end, { start: own.start, end: own.start + own.length }, undefined));
  if (engineer !== undefined) {
    const other = bookings
      .filter((b) => b.ticketId !== c.ticketId && overlaps(start, end, b))
      .sort((a, b) => a.start - b.start || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0))[0];
    if (other !== undefined)
      return E.left(conflict(start, end, { start: other.start, end: other.end, ticketId: other.ticketId }, engineer));
  }
  return ok(eventFrom(c, "session-scheduled", { start, length, ...(engineer === undefined ? {} : { engineer }) }));
};
