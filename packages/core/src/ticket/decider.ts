/**
 * The ticket Decider: `decide`, `evolve` and the initial state in one value, bound to a
 * policy. Command decoding lives here too, so callers at a boundary can turn unknown JSON into
 * a command or an `INVALID_COMMAND` error naming the bad path.
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import type { PolicyCore } from "../policy/lifecycle.js";
import { type DecodeError, decodeWith } from "../shared/decode.js";
import { commandCodecs, type TicketCommand, type TicketCommandType } from "./commands.js";
import { decide } from "./decide.js";
import type { DomainError } from "./errors.js";
import type { TicketEvent } from "./events.js";
import { evolve, fold } from "./evolve.js";
import { initialState, type TicketState } from "./state.js";

export interface Decider<Command, Event, State, Error> {
  readonly decide: (command: Command, state: State) => E.Either<Error, Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export type TicketDecider = Decider<TicketCommand, TicketEvent, TicketState, DomainError> & {
  readonly fold: (events: Iterable<TicketEvent>, from?: TicketState) => TicketState;
};

export const ticketDecider = (policy: PolicyCore): TicketDecider => ({
  decide: (command, state) => decide(command, state, policy),
  evolve,
  fold,
  initialState,
});

const commandDecoders = Object.fromEntries(
  (Object.keys(commandCodecs) as TicketCommandType[]).map((k) => [
    k,
    decodeWith(commandCodecs[k] as t.Mixed, `${k} command`),
  ]),
) as Record<TicketCommandType, (u: unknown) => E.Either<DecodeError, TicketCommand>>;

/** Decodes a command from unknown input (an HTTP body, a queue message). Never throws. */
export const decodeCommand = (u: unknown): E.Either<DomainError, TicketCommand> => {
  const type = typeof u === "object" && u !== null ? (u as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !Object.hasOwn(commandCodecs, type)) {
    return E.left({
      code: "INVALID_COMMAND",
      issues: [
        {
          path: "type",
          expected: Object.keys(commandCodecs).join(" | "),
          message: `type: unknown command type ${JSON.stringify(type) ?? "undefined"}`,
        },
      ],
      message: `invalid command: unknown command type ${JSON.stringify(type) ?? "undefined"}`,
    });
  }
  const result = commandDecoders[type as TicketCommandType](u);
  return E.isRight(result)
    ? result
    : E.left({ code: "INVALID_COMMAND", issues: result.left.issues, message: result.left.message });
};
