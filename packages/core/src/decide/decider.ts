/**
 * The ticket Decider: `decide`, `evolve` and the initial state in one value, bound to a
 * policy (Emmett's and Equinox's shape: a decider fits in five lines). Commands from outside
 * are decoded first with `decodeCommand` (ticket/codec.ts).
 */
import type * as E from "fp-ts/lib/Either.js";
import type { Policy } from "../policy/policy.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import { evolve, fold } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { type DecideOptions, decide } from "./decide.js";

export interface Decider<Command, Event, State, Error> {
  readonly decide: (command: Command, state: State) => E.Either<Error, Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export type TicketDecider = Decider<TicketCommand, TicketEvent, TicketState, DomainError> & {
  readonly fold: (events: Iterable<TicketEvent>, from?: TicketState) => TicketState;
};

/** The ticket's decider under `policy`; `options.authorize` replaces the default rule of who may. */
export const ticketDecider = (policy: Policy, options: DecideOptions = {}): TicketDecider => ({
  decide: (command, state) => decide(command, state, policy, options),
  evolve,
  fold,
  initialState,
});
