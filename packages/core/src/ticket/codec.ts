/**
 * The boundary of the model: `decodeEvent` upcasts and decodes any JSON value into a current
 * `TicketEvent` or a `DecodeError` naming the bad path; `encodeEvent` writes the JSON form;
 * `decodeCommand` turns unknown input (an HTTP body, a queue message) into a command or an
 * `INVALID_COMMAND` error naming the bad path.
 *
 * Both refuse what no store can hold, naming its path (`data.body: contains U+0000 …`): text
 * with U+0000 or a lone surrogate, and NaN or infinite numbers, anywhere in the value, so that a
 * decoded command never reaches a database that would refuse it. Neither ever throws, whatever
 * it is given (BigInt, symbols, cycles, getters or Proxies that throw).
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { type DecodeError, type DecodeIssue, decodeWith, describeValue, thrownMessage } from "../shared/decode.js";
import { findUnstorable } from "../shared/storable.js";
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

/** Where a decoded value holds what no store can (`data.body`), as an issue; undefined when storable. */
const unstorableIssue = (decoded: unknown): DecodeIssue | undefined => {
  const found = findUnstorable(decoded, "");
  if (found === undefined) return undefined;
  const path = found.path.startsWith(".") ? found.path.slice(1) : found.path;
  return {
    path,
    expected: "storable text and finite numbers",
    message: `${path === "" ? "value" : path}: ${found.reason}`,
  };
};

const readFailure = (error: unknown): DecodeIssue => ({
  path: "",
  expected: "a readable value",
  message: `value: cannot be read: ${thrownMessage(error)}`,
});

const decodeEventUnsafe = (u: unknown): E.Either<DecodeError, TicketEvent> => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) {
    return failure("", "object", "expected an event object");
  }
  const type = (u as { type?: unknown }).type;
  if (!isEventType(type)) {
    return failure("type", eventTypes.join(" | "), `type: unknown event type ${describeValue(type)}`);
  }
  const decoded = decoders[type](upcast(u));
  if (E.isLeft(decoded)) return decoded;
  const unstorable = unstorableIssue(decoded.right);
  return unstorable ? failure(unstorable.path, unstorable.expected, unstorable.message) : decoded;
};

/**
 * Decodes a stored or received event (after upcasting), refusing what no store can hold. Never
 * throws, whatever it is given.
 */
export const decodeEvent = (u: unknown): E.Either<DecodeError, TicketEvent> => {
  try {
    return decodeEventUnsafe(u);
  } catch (error) {
    const issue = readFailure(error);
    return failure(issue.path, issue.expected, issue.message);
  }
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

const invalidCommand = (issues: readonly DecodeIssue[], message: string): E.Either<DomainError, never> =>
  E.left({ code: "INVALID_COMMAND", issues, message: `invalid command: ${message}` });

const decodeCommandUnsafe = (u: unknown): E.Either<DomainError, TicketCommand> => {
  const type = typeof u === "object" && u !== null ? (u as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !Object.hasOwn(commandCodecs, type)) {
    const shown = describeValue(type);
    return invalidCommand(
      [
        {
          path: "type",
          expected: Object.keys(commandCodecs).join(" | "),
          message: `type: unknown command type ${shown}`,
        },
      ],
      `unknown command type ${shown}`,
    );
  }
  const result = commandDecoders[type as TicketCommandType](u);
  if (E.isLeft(result))
    return E.left({ code: "INVALID_COMMAND", issues: result.left.issues, message: result.left.message });
  const unstorable = unstorableIssue(result.right);
  return unstorable ? invalidCommand([unstorable], unstorable.message) : result;
};

/**
 * Decodes a command from unknown input (an HTTP body, a queue message), refusing what no store
 * can hold. Never throws, whatever it is given.
 */
export const decodeCommand = (u: unknown): E.Either<DomainError, TicketCommand> => {
  try {
    return decodeCommandUnsafe(u);
  } catch (error) {
    const issue = readFailure(error);
    return invalidCommand([issue], issue.message);
  }
};
