/**
 * Legality: does the ticket exist (or not, for `open`), is a command allowed in its status,
 * and (for change requests) has the customer approved (P-B)? Only the transition table decides
 * the status rule (ticket/transitions.ts); who may is authorisation's (authorize.ts), asked
 * between the two.
 */
import { type DomainError, illegalTransition } from "../ticket/errors.js";
import type { TicketState } from "../ticket/state.js";
import { type Action, ruleFor } from "../ticket/transitions.js";

/** A command other than `open` on a ticket never opened, or `open` on one that exists. */
export const checkExists = (action: Action, state: TicketState, ticketId: string): DomainError | undefined => {
  if (state.status === "none" && action !== "open")
    return { code: "TICKET_NOT_FOUND", ticketId, message: `cannot ${action}: the ticket has not been opened` };
  if (state.status !== "none" && action === "open")
    return {
      code: "TICKET_ALREADY_EXISTS",
      ticketId: state.ticketId ?? ticketId,
      message: `ticket ${state.ticketId ?? ticketId} already exists`,
    };
  return undefined;
};

/** Checks the table: is `action` allowed in this status? */
export const checkStatus = (action: Action, state: TicketState): DomainError | undefined => {
  const rule = ruleFor(action);
  return rule.from.includes(state.status) ? undefined : illegalTransition(action, state.status, rule.from);
};

/** Work that waits for the customer's approval on change requests (P-B). */
export const needsApproval = new Set<Action>(["accept", "share-plan", "resolve", "log-time", "schedule-session"]);
