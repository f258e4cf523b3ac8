/**
 * An event's trace: which command caused it and which conversation it belongs to, kept in the
 * record's metadata next to its instant and actor (`causationId`, `correlationId`,
 * `commandFingerprint`). The command handler writes it and reads it back to recognise a command
 * it has handled before (handling/idempotency.ts); dispatchers and logs follow it to the cause.
 * Stores keep metadata as JSON, so every store keeps the trace as written (store contract).
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { decodeWith, thrownMessage } from "../shared/decode.js";
import { CommandIdC } from "../shared/ids.js";
import type { CorruptEvent } from "./errors.js";
import { corruptEventOf } from "./records.js";
import type { RecordedEvent } from "./types.js";

export const EventTraceC = t.partial({
  /** The id of the command that caused the event (its idempotency key). */
  causationId: CommandIdC,
  /** The request or conversation the event belongs to: the command's, else its command id. */
  correlationId: CommandIdC,
  /** A digest of the command (type, ticket, tenant, actor, data), to catch a command id reused for another command. */
  commandFingerprint: t.string,
});
export type EventTrace = t.TypeOf<typeof EventTraceC>;

const decodeTrace = decodeWith(EventTraceC, "event trace");

const metadataOf = (r: RecordedEvent): Record<string, unknown> =>
  typeof r.metadata === "object" && r.metadata !== null ? (r.metadata as Record<string, unknown>) : {};

/** The trace part of a record's metadata (empty for an event written without one). Never throws. */
export const traceOf = (r: RecordedEvent): E.Either<CorruptEvent, EventTrace> => {
  try {
    const { causationId, correlationId, commandFingerprint } = metadataOf(r);
    const raw = Object.fromEntries(
      Object.entries({ causationId, correlationId, commandFingerprint }).filter(([, v]) => v !== undefined),
    );
    return E.mapLeft((err: { issues: CorruptEvent["issues"] }) =>
      corruptEventOf(
        r,
        err.issues.map((i) => ({ ...i, path: `metadata.${i.path}`, message: `metadata.${i.message}` })),
      ),
    )(decodeTrace(raw));
  } catch (error) {
    return E.left(
      corruptEventOf(r, [
        { path: "metadata", expected: "a record", message: `metadata: cannot be read: ${thrownMessage(error)}` },
      ]),
    );
  }
};

/** Whether a record was caused by the command with this id (read without decoding the rest). */
export const causedBy = (r: RecordedEvent, commandId: string): boolean => metadataOf(r).causationId === commandId;
