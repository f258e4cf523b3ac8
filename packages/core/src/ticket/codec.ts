/**
 * The boundary of the model: `decodeEvent` upcasts and decodes any JSON value into a current
 * `TicketEvent` or a `DecodeError` naming the bad path; `encodeEvent` writes the JSON form;
 * `decodeCommand` turns unknown input (an HTTP body, a queue message) into a command or an
 * `INVALID_COMMAND` error naming the bad path.
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { type DecodeError, decodeWith } from "../shared/decode.js";
import { commandCodecs, type TicketCommand, type TicketCommandType } from "./commands.js";
import type { DomainError } from "./errors.js";
import { type EncodedTicketEvent, eventCodecs, eventTypes, type TicketEvent, type TicketEventType } from "./events.js";
import { upcast } from "./upcasters.js";

const decoders = Object.fromEntries(
  eventTypes.map((k) => [k, decodeWith(eventCodecs[k] as t.Mixed, `${k} event`)]),
) as Record<TicketEventType, (u: unknown) => E.Either<DecodeError, TicketEvent>>;

const failure = (path: string, expected: string, message: string): E.Either<DecodeError, never> =>
  E.left({
    code: "DECODE_ERROR",
    what: "event",
    issues: [{ path, expected, message }],
    message: `invalid event: ${message}`,
  });

const isEventType = (s: unknown): s is TicketEventType => typeof s === "string" && Object.hasOwn(eventCodecs, s);

/** Decodes a stored or received event (after upcasting). Never throws. */
export const decodeEvent = (u: unknown): E.Either<DecodeError, TicketEvent> => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) {
    return failure("", "object", "expected an event object");
  }
  const type = (u as { type?: unknown }).type;
  if (!isEventType(type)) {
    return failure("type", eventTypes.join(" | "), `type: unknown event type ${JSON.stringify(type) ?? "undefined"}`);
  }
  return decoders[type](upcast(u));
};

/** The JSON form of an event (instants as ISO strings, durations as `4h`). */
export const encodeEvent = (e: TicketEvent): EncodedTicketEvent =>
  (eventCodecs[e.type] as t.Mixed).encode(e) as EncodedTicketEvent;

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
