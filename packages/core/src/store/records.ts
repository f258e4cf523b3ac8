/**
 * Ticket events as store records: written as typed JSON (payload in `data`; instant, actor and
 * trace in `metadata`) and decoded on the way back, so a corrupt or unknown row is an error that
 * names the tenant, stream and version instead of a crash.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeEvent, encodeEvent } from "../ticket/codec.js";
import type { TicketEvent } from "../ticket/events.js";
import { CorruptEvent } from "./errors.js";
import type { EventTrace } from "./trace.js";
import type { NewEvent, RecordedEvent } from "./types.js";

/** The record of a ticket event, to append. */
export const toNewEvent = (e: TicketEvent): NewEvent => toTracedEvent(e, {});

/** The record of a ticket event with its trace (trace.ts) in the metadata, to append. */
export const toTracedEvent = (e: TicketEvent, trace: EventTrace): NewEvent => {
  const encoded = encodeEvent(e);
  return {
    type: encoded.type,
    schemaVersion: encoded.schemaVersion,
    data: encoded.data,
    metadata: { at: encoded.at, actor: encoded.actor, ...trace },
  };
};

/** Decodes a recorded event back into a ticket event, or a CorruptEvent naming where it is. */
export const fromRecorded = (r: RecordedEvent): E.Either<CorruptEvent, TicketEvent> => {
  const meta = (typeof r.metadata === "object" && r.metadata !== null ? r.metadata : {}) as Record<string, unknown>;
  const raw = {
    type: r.type,
    schemaVersion: r.schemaVersion,
    ticketId: r.streamId,
    tenantId: r.tenantId,
    at: meta.at,
    actor: meta.actor,
    data: r.data,
  };
  return E.mapLeft(
    (err: { issues: CorruptEvent["issues"] }) => new CorruptEvent(r.tenantId, r.streamId, r.version, err.issues),
  )(decodeEvent(raw));
};
