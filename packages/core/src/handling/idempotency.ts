/**
 * Idempotent handling by command id. Every event a command appends records the command's id
 * (`causationId`) and fingerprint in its metadata (store/trace.ts), so the stream itself says
 * which commands it has taken — in every process, on every store, with no table of its own.
 * A command whose id the stream already holds is not decided again: the handler answers with
 * what the first handling appended (the same events, records and version). The same id with a
 * different command (another fingerprint) is refused with `COMMAND_ID_REUSED`.
 *
 * A command that appended nothing (a refusal, or a decision with nothing to record) leaves no
 * trace, so handling it again decides again: on an unchanged ticket that gives the same answer,
 * and a no-op is harmless to repeat. Ids are scoped to one ticket's stream.
 */
import * as E from "fp-ts/lib/Either.js";
import { causedBy, type EventTrace, traceOf } from "../store/trace.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketCommand } from "../ticket/commands.js";
import { commandFingerprint } from "./fingerprint.js";

/** A command id that the ticket's stream holds for another command. */
export interface CommandIdReused {
  readonly code: "COMMAND_ID_REUSED";
  readonly commandId: string;
  readonly ticketId: string;
  /** The stream version of the first event the earlier command appended. */
  readonly version: number;
  readonly message: string;
}

/** Where an earlier handling of the command sits in the stream: records `from` to `to` (exclusive). */
export interface PriorHandling {
  readonly from: number;
  readonly to: number;
}

/** The trace a command's events carry: cause and correlation, and the fingerprint when it has an id. */
export const traceFor = (command: TicketCommand): EventTrace => {
  const { commandId, correlationId } = command;
  if (commandId === undefined) return correlationId === undefined ? {} : { correlationId };
  return {
    causationId: commandId,
    correlationId: correlationId ?? commandId,
    commandFingerprint: commandFingerprint(command),
  };
};

/**
 * The events an earlier handling of this command appended (the first unbroken run caused by its
 * id), undefined when there are none, or `COMMAND_ID_REUSED` when they were caused by another
 * command under the same id. A trace that does not decode is thrown as a `CorruptEvent`.
 */
export const findPriorHandling = (
  recorded: readonly RecordedEvent[],
  command: TicketCommand,
): E.Either<CommandIdReused, PriorHandling | undefined> => {
  const id = command.commandId;
  if (id === undefined) return E.right(undefined);
  const from = recorded.findIndex((r) => causedBy(r, id));
  if (from < 0) return E.right(undefined);
  let to = from;
  while (to < recorded.length && causedBy(recorded[to] as RecordedEvent, id)) to++;
  const first = recorded[from] as RecordedEvent;
  const trace = traceOf(first);
  if (E.isLeft(trace)) throw trace.left;
  // A trace without a fingerprint (written by hand) cannot be compared: it counts as the same command.
  const stored = trace.right.commandFingerprint;
  if (stored !== undefined && stored !== commandFingerprint(command)) {
    return E.left({
      code: "COMMAND_ID_REUSED",
      commandId: id,
      ticketId: command.ticketId,
      version: first.version,
      message: `command id ${id} was already used on ticket ${command.ticketId} for another command (a ${first.type} event at version ${first.version}); a retry must repeat the same command, a new command needs a new id`,
    });
  }
  return E.right({ from, to });
};
