/**
 * The preamble every command handler shares: read the ticket, recognise a command handled
 * before under its id (idempotency.ts), resolve its policy (by id once it exists, by the
 * resolver's rule for the command that opens it), decide. Domain errors, a reused command id
 * and an unknown policy come back as values; a store failure or a corrupt stored event is thrown.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import { type SessionBooking, sessionEngineer } from "../decide/session.js";
import type { Policy } from "../policy/policy.js";
import { type PolicyResolver, pinnedPolicy, policyVersionOf, unknownPolicyMessage } from "../policy/resolver.js";
import { ConcurrencyConflict } from "../store/errors.js";
import type { SessionBookings } from "../store/session-bookings.js";
import type { EventTrace } from "../store/trace.js";
import type { EventStore, RecordedEvent } from "../store/types.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type CommandIdReused, findPriorHandling, traceFor } from "./idempotency.js";
import { loadTicket } from "./load-ticket.js";

export type HandlerError =
  | DomainError
  | ConcurrencyConflict
  | CommandIdReused
  | { readonly code: "UNKNOWN_POLICY"; readonly policyId: string; readonly message: string };

/** What the handler read for a decision besides the ticket: the engineer's other bookings (`schedule-session`). */
export interface DecideContext {
  readonly bookings?: readonly SessionBooking[];
}

/**
 * A decision to use instead of the core's `decide` (same arguments, same result); `context`
 * holds what the handler read besides the ticket (pass `bookings` on to `decide`'s options).
 */
export type DecideFn = (
  command: TicketCommand,
  state: TicketState,
  policy: Policy,
  context?: DecideContext,
) => E.Either<DomainError, TicketEvent[]>;

/**
 * For a `schedule-session` with an engineer (named, or the ticket's assignee) and a bookings
 * read model: the engineer's sessions that meet the requested interval. Otherwise nothing is read.
 */
export const contextFor = async (
  command: TicketCommand,
  state: TicketState,
  bookings: SessionBookings | undefined,
): Promise<DecideContext> => {
  if (bookings === undefined || command.type !== "schedule-session" || !(command.data.length > 0)) return {};
  const engineer = sessionEngineer(command, state);
  if (engineer === undefined) return {};
  const { start, length } = command.data;
  return { bookings: await bookings.overlapping(command.tenantId, engineer, start, start + length) };
};

/**
 * The ticket's policy: by id and pinned version once it exists (policy/resolver.ts), by
 * selection for the command that opens it.
 */
export const resolvePolicy = <P extends Policy>(
  policies: PolicyResolver<P>,
  state: TicketState,
  command: TicketCommand,
): E.Either<HandlerError, P> => {
  if (state.policyId !== null) {
    const found = pinnedPolicy(policies, state);
    return found
      ? E.right(found)
      : E.left({ code: "UNKNOWN_POLICY", policyId: state.policyId, message: unknownPolicyMessage(state) });
  }
  if (command.type === "open") {
    const refused = policies.refuseNewTicket?.(command);
    return refused === undefined ? E.right(policies.forNewTicket(command)) : E.left(refused);
  }
  return E.left({
    code: "TICKET_NOT_FOUND",
    ticketId: command.ticketId,
    message: `ticket ${command.ticketId} does not exist`,
  });
};

/**
 * A `change-policy` command with the version it applies: the one it names, which the resolver
 * must keep, or the one in force now. A policy the resolver does not have is `UNKNOWN_POLICY`,
 * never recorded. Other commands are returned as they are.
 */
const changeTarget = <P extends Policy>(
  policies: PolicyResolver<P>,
  command: TicketCommand,
): E.Either<HandlerError, TicketCommand> => {
  if (command.type !== "change-policy") return E.right(command);
  const { policyId, version } = command.data;
  const pin = { policyId, policyVersion: version ?? null };
  const found = version === undefined ? policies.byId(policyId) : pinnedPolicy(policies, pin);
  if (found === undefined) return E.left({ code: "UNKNOWN_POLICY", policyId, message: unknownPolicyMessage(pin) });
  return E.right({ ...command, data: { ...command.data, version: policyVersionOf(found) } });
};

/** A decided command: the ticket as read (state, stream version), its policy, the new events and their trace. */
export interface Decided<P extends Policy> {
  readonly kind: "decided";
  readonly state: TicketState;
  readonly version: number;
  readonly policy: P;
  readonly events: readonly TicketEvent[];
  readonly trace: EventTrace;
}

/** A command handled before under its id: what it appended then, and the ticket around it. */
export interface Replayed<P extends Policy> {
  readonly kind: "replayed";
  /** The ticket before the first of its events. */
  readonly before: TicketState;
  /** The ticket after the last of its events (as the first handling returned it). */
  readonly state: TicketState;
  /** The stream version after the last of its events. */
  readonly version: number;
  readonly policy: P;
  readonly events: readonly TicketEvent[];
  readonly recorded: readonly RecordedEvent[];
}

/**
 * Read → replay what a command id already appended, or resolve the policy and decide, once.
 * With `expectedVersion`, a ticket at another version is a `CONCURRENCY_CONFLICT` before
 * anything is decided (a replay is answered all the same: the command was handled already).
 */
export const readAndDecide = async <P extends Policy>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  decideWith: DecideFn = decide,
  expectedVersion?: number,
  bookings?: SessionBookings,
): Promise<E.Either<HandlerError, Decided<P> | Replayed<P>>> => {
  const { state, version, events, recorded } = await loadTicket(store, command.tenantId, command.ticketId);
  const prior = findPriorHandling(recorded, command);
  if (E.isLeft(prior)) return prior;
  if (prior.right !== undefined) {
    const { from, to } = prior.right;
    const before = fold(events.slice(0, from));
    const policy = resolvePolicy(policies, before, command);
    if (E.isLeft(policy)) return policy;
    return E.right({
      kind: "replayed",
      before,
      state: fold(events.slice(from, to), before),
      version: (recorded[to - 1] as RecordedEvent).version,
      policy: policy.right,
      events: events.slice(from, to),
      recorded: recorded.slice(from, to),
    });
  }
  if (expectedVersion !== undefined && version !== expectedVersion)
    return E.left(new ConcurrencyConflict(command.tenantId, command.ticketId, expectedVersion, version));
  const policy = resolvePolicy(policies, state, command);
  if (E.isLeft(policy)) return policy;
  const target = changeTarget(policies, command);
  if (E.isLeft(target)) return target;
  const context = await contextFor(target.right, state, bookings);
  const decision = decideWith(target.right, state, policy.right, context);
  if (E.isLeft(decision)) return decision;
  return E.right({
    kind: "decided",
    state,
    version,
    policy: policy.right,
    events: decision.right,
    trace: traceFor(command),
  });
};
