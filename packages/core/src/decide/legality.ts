/**
 * Legality: is a command allowed in the ticket's status, by this actor, and (for change
 * requests) before the customer's approval (P-B)? Only the transition table decides the first
 * two (ticket/transitions.ts); `decide` asks here before any rule of its own.
 */
import { type DomainError, illegalTransition } from "../ticket/errors.js";
import type { TicketState } from "../ticket/state.js";
import { type Action, type ActorKind, ruleFor } from "../ticket/transitions.js";

/** Checks the table: is `action` allowed in this status, by this actor? */
export const checkRule = (action: Action, state: TicketState, actor: ActorKind): DomainError | undefined => {
  const rule = ruleFor(action);
  if (!rule.from.includes(state.status)) {
    return state.status === "none" && action !== "open"
      ? { code: "TICKET_NOT_FOUND", ticketId: "", message: `cannot ${action}: the ticket has not been opened` }
      : state.status !== "none" && action === "open"
        ? {
            code: "TICKET_ALREADY_EXISTS",
            ticketId: state.ticketId ?? "",
            message: `ticket ${state.ticketId} already exists`,
          }
        : illegalTransition(action, state.status, rule.from);
  }
  if (!rule.by.includes(actor)) {
    return {
      code: "NOT_PERMITTED",
      action,
      actor,
      allowed: rule.by,
      message: `a ${actor} may not ${action}; only ${rule.by.join(" or ")}`,
    };
  }
  return undefined;
};

/** Work that waits for the customer's approval on change requests (P-B). */
export const needsApproval = new Set<Action>(["accept", "share-plan", "resolve", "log-time", "schedule-session"]);
