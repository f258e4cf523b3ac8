/**
 * The command handler: read → fold → decide → append with the expected version. On a
 * concurrency conflict it re-reads and decides again, a bounded number of times, then gives up
 * with the conflict as a value. Domain errors come back as values; infrastructure failures
 * (a lost connection, a corrupt stored event) are thrown.
 */
import * as E from "fp-ts/lib/Either.js";
import type { PolicyCore } from "../policy/policy.js";
import type { CommandOf, TicketCommand } from "../ticket/commands.js";
import { decide } from "../ticket/decide.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type ConcurrencyConflict, isConcurrencyConflict } from "./errors.js";
import { loadTicket, toNewEvent } from "./tickets.js";
import type { EventStore, RecordedEvent } from "./types.js";

/** Finds the policy of a ticket: by id once it exists, by selection when it is opened. */
export interface PolicyResolver<P extends PolicyCore = PolicyCore> {
  byId(id: string): P | undefined;
  forNewTicket(command: CommandOf<"open">): P;
}

/** A resolver for a desk with a single policy. */
export const singlePolicy = <P extends PolicyCore>(policy: P): PolicyResolver<P> => ({
  byId: (id) => (id === policy.id ? policy : undefined),
  forNewTicket: () => policy,
});

export type HandlerError =
  | DomainError
  | ConcurrencyConflict
  | { readonly code: "UNKNOWN_POLICY"; readonly policyId: string; readonly message: string };

export interface Handled {
  readonly events: readonly TicketEvent[];
  readonly recorded: readonly RecordedEvent[];
  readonly version: number;
  readonly state: TicketState;
}

export interface HandlerOptions {
  /** Retries after a conflict (default 3). */
  readonly maxRetries?: number;
  /** The decision to use; defaults to the core's `decide`. */
  readonly decide?: (
    command: TicketCommand,
    state: TicketState,
    policy: PolicyCore,
  ) => E.Either<DomainError, TicketEvent[]>;
}

export const handleCommand = async <P extends PolicyCore>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  options: HandlerOptions = {},
): Promise<E.Either<HandlerError, Handled>> => {
  const maxRetries = options.maxRetries ?? 3;
  const decideWith = options.decide ?? decide;
  let lastConflict: ConcurrencyConflict | undefined;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    const { state, version } = await loadTicket(store, command.tenantId, command.ticketId);
    let policy: P | undefined;
    if (state.policyId !== null) {
      policy = policies.byId(state.policyId);
      if (!policy) {
        return E.left({
          code: "UNKNOWN_POLICY",
          policyId: state.policyId,
          message: `no policy with id ${state.policyId} is registered`,
        });
      }
    } else {
      policy = command.type === "open" ? policies.forNewTicket(command) : undefined;
    }
    if (!policy) {
      return E.left({
        code: "TICKET_NOT_FOUND",
        ticketId: command.ticketId,
        message: `ticket ${command.ticketId} does not exist`,
      });
    }
    const decision = decideWith(command, state, policy);
    if (E.isLeft(decision)) return decision;
    const events = decision.right;
    if (events.length === 0) return E.right({ events, recorded: [], version, state });
    try {
      const appended = await store.appendToStream(command.tenantId, command.ticketId, events.map(toNewEvent), {
        expectedVersion: version === 0 ? "no_stream" : version,
      });
      return E.right({ events, recorded: appended.events, version: appended.nextVersion, state: fold(events, state) });
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      lastConflict = error;
    }
  }
  return E.left(lastConflict as ConcurrencyConflict);
};
