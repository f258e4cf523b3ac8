/**
 * The command handler: read → fold → decide → append with the expected version. On a
 * concurrency conflict it re-reads and decides again, a bounded number of times, then gives up
 * with the conflict as a value. Domain errors come back as values; infrastructure failures
 * (a lost connection, a corrupt stored event) are thrown.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type ConcurrencyConflict, isConcurrencyConflict } from "./errors.js";
import { loadTicket, toNewEvent } from "./tickets.js";
import type { EventStore, ExpectedVersion, RecordedEvent } from "./types.js";

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
    policy: Policy,
  ) => E.Either<DomainError, TicketEvent[]>;
}

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

/**
 * Runs one read → decide → append attempt, and again after a concurrency conflict (it re-reads
 * the stream), at most `maxRetries` more times; then the last conflict is the result. Any other
 * failure is thrown.
 */
export const retryOnConflict = async <R>(
  maxRetries: number,
  attempt: () => Promise<E.Either<HandlerError, R>>,
): Promise<E.Either<HandlerError, R>> => {
  let lastConflict: ConcurrencyConflict | undefined;
  for (let n = 0; n <= maxRetries; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      lastConflict = error;
    }
  }
  return E.left(lastConflict as ConcurrencyConflict);
};

/** The expected version for appending after reading a stream at `version`. */
export const expectedAfterRead = (version: number): ExpectedVersion => (version === 0 ? "no_stream" : version);

export const handleCommand = async <P extends Policy>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  options: HandlerOptions = {},
): Promise<E.Either<HandlerError, Handled>> =>
  retryOnConflict<Handled>(options.maxRetries ?? 3, async () => {
    const { state, version } = await loadTicket(store, command.tenantId, command.ticketId);
    const policy = resolvePolicy(policies, state, command);
    if (E.isLeft(policy)) return policy;
    const decision = (options.decide ?? decide)(command, state, policy.right);
    if (E.isLeft(decision)) return decision;
    const events = decision.right;
    if (events.length === 0) return E.right({ events, recorded: [], version, state });
    const appended = await store.appendToStream(command.tenantId, command.ticketId, events.map(toNewEvent), {
      expectedVersion: expectedAfterRead(version),
    });
    return E.right({ events, recorded: appended.events, version: appended.nextVersion, state: fold(events, state) });
  });
