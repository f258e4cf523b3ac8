/**
 * The preamble every command handler shares: read the ticket, resolve its policy (by id once
 * it exists, by the resolver's rule for the command that opens it), decide. Domain errors and
 * an unknown policy come back as values; a store failure or a corrupt stored event is thrown.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { ConcurrencyConflict } from "../store/errors.js";
import type { EventStore } from "../store/types.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { loadTicket } from "./load-ticket.js";

export type HandlerError =
  | DomainError
  | ConcurrencyConflict
  | { readonly code: "UNKNOWN_POLICY"; readonly policyId: string; readonly message: string };

/** A decision to use instead of the core's `decide` (same arguments, same result). */
export type DecideFn = (
  command: TicketCommand,
  state: TicketState,
  policy: Policy,
) => E.Either<DomainError, TicketEvent[]>;

/** The ticket's policy: by id once it exists, by selection for the command that opens it. */
export const resolvePolicy = <P extends Policy>(
  policies: PolicyResolver<P>,
  state: TicketState,
  command: TicketCommand,
): E.Either<HandlerError, P> => {
  if (state.policyId !== null) {
    const found = policies.byId(state.policyId);
    return found
      ? E.right(found)
      : E.left({
          code: "UNKNOWN_POLICY",
          policyId: state.policyId,
          message: `no policy with id ${state.policyId} is registered`,
        });
  }
  if (command.type === "open") return E.right(policies.forNewTicket(command));
  return E.left({
    code: "TICKET_NOT_FOUND",
    ticketId: command.ticketId,
    message: `ticket ${command.ticketId} does not exist`,
  });
};

/** A decided command: the ticket as read (state, stream version), its policy and the new events. */
export interface Decided<P extends Policy> {
  readonly state: TicketState;
  readonly version: number;
  readonly policy: P;
  readonly events: readonly TicketEvent[];
}

/** Read → resolve the policy → decide, once. */
export const readAndDecide = async <P extends Policy>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  decideWith: DecideFn = decide,
): Promise<E.Either<HandlerError, Decided<P>>> => {
  const { state, version } = await loadTicket(store, command.tenantId, command.ticketId);
  const policy = resolvePolicy(policies, state, command);
  if (E.isLeft(policy)) return policy;
  const decision = decideWith(command, state, policy.right);
  if (E.isLeft(decision)) return decision;
  return E.right({ state, version, policy: policy.right, events: decision.right });
};
