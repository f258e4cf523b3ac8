/**
 * Tickets in a store: ticket events are written as typed JSON (payload in `data`; instant and
 * actor in `metadata`) and decoded on the way back, so a corrupt or unknown row is an error
 * that names the tenant, stream and version instead of a crash.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeEvent, encodeEvent } from "../ticket/codec.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { CorruptEvent } from "./errors.js";
import type { EventStore, NewEvent, RecordedEvent } from "./types.js";

export const toNewEvent = (e: TicketEvent): NewEvent => {
  const encoded = encodeEvent(e);
  return {
    type: encoded.type,
    schemaVersion: encoded.schemaVersion,
    data: encoded.data,
    metadata: { at: encoded.at, actor: encoded.actor },
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

export interface LoadedTicket {
  readonly state: TicketState;
  readonly version: number;
  readonly events: readonly TicketEvent[];
}

/** Reads and folds a ticket. Throws CorruptEvent when a stored event cannot be decoded. */
export const loadTicket = async (store: EventStore, tenantId: string, ticketId: string): Promise<LoadedTicket> => {
  const read = await store.readStream(tenantId, ticketId);
  const events: TicketEvent[] = [];
  for (const r of read.events) {
    const decoded = fromRecorded(r);
    if (E.isLeft(decoded)) throw decoded.left;
    events.push(decoded.right);
  }
  return { state: fold(events), version: read.version, events };
};
