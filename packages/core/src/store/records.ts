/**
 * Ticket events as store records: written as typed JSON (payload in `data`; instant, actor and
 * trace in `metadata`) and decoded on the way back, so a corrupt or unknown row is an error that
 * names the tenant, stream and version instead of a crash.
 */
import * as E from "fp-ts/lib/Either.js";
import { describeValue, thrownMessage } from "../shared/decode.js";
import { decodeEvent, encodeEvent } from "../ticket/codec.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { CorruptEvent } from "./errors.js";
import type { EventTrace } from "./trace.js";
import type { NewEvent, RecordedEvent } from "./types.js";

/** The record of a ticket event, to append. */
export const toNewEvent = (e: TicketEvent): NewEvent => toTracedEvent(e, {});

/**
 * The record of a ticket event with its trace (trace.ts) in the metadata, to append. `subject`:
 * the ticket's data subject (its requester id), whose key seals the event's personal values in a
 * store with personal data enabled (seal.ts); an `opened` event names its requester in its data.
 */
export const toTracedEvent = (e: TicketEvent, trace: EventTrace, subject?: string): NewEvent => {
  const encoded = encodeEvent(e);
  return {
    type: encoded.type,
    schemaVersion: encoded.schemaVersion,
    data: encoded.data,
    metadata: { at: encoded.at, actor: encoded.actor, ...trace, ...(subject === undefined ? {} : { subject }) },
  };
};

/** The data subject of a ticket: its requester (none before it is opened). */
export const subjectOfTicket = (state: TicketState): string | undefined => state.fields?.requester.id;

/** A field of a record as a store handed it, or undefined when reading it throws. */
const field = (r: unknown, key: string): unknown => {
  try {
    return typeof r === "object" && r !== null ? (r as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The CorruptEvent of a record: where it is (tenant, stream, version, as far as they can be read)
 * and what is wrong.
 */
export const corruptEventOf = (r: unknown, issues: CorruptEvent["issues"]): CorruptEvent => {
  const text = (u: unknown): string => (typeof u === "string" ? u : `(${describeValue(u)})`);
  const version = field(r, "version");
  return new CorruptEvent(
    text(field(r, "tenantId")),
    text(field(r, "streamId")),
    typeof version === "number" ? version : Number.NaN,
    issues,
  );
};

/**
 * Decodes a recorded event back into a ticket event, or a CorruptEvent naming where it is.
 * Never throws, whatever the record holds.
 */
export const fromRecorded = (r: RecordedEvent): E.Either<CorruptEvent, TicketEvent> => {
  try {
    const metadata = field(r, "metadata");
    const meta = (typeof metadata === "object" && metadata !== null ? metadata : {}) as Record<string, unknown>;
    const raw = {
      type: field(r, "type"),
      schemaVersion: field(r, "schemaVersion"),
      ticketId: field(r, "streamId"),
      tenantId: field(r, "tenantId"),
      at: field(meta, "at"),
      actor: field(meta, "actor"),
      data: field(r, "data"),
    };
    return E.mapLeft((err: { issues: CorruptEvent["issues"] }) => corruptEventOf(r, err.issues))(decodeEvent(raw));
  } catch (error) {
    return E.left(
      corruptEventOf(r, [{ path: "", expected: "a record", message: `cannot be read: ${thrownMessage(error)}` }]),
    );
  }
};
