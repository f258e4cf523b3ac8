/**
 * Loading a ticket: read its stream, decode every record (a corrupt one is thrown as a
 * `CorruptEvent` naming tenant, stream and version) and fold the events into its state.
 */
import * as E from "fp-ts/lib/Either.js";
import { fromRecorded } from "../store/records.js";
import type { EventStore, RecordedEvent } from "../store/types.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";

export interface LoadedTicket {
  readonly state: TicketState;
  readonly version: number;
  readonly events: readonly TicketEvent[];
  /** The stored records of `events`, in the same order (ids, versions, metadata with the trace). */
  readonly recorded: readonly RecordedEvent[];
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
  return { state: fold(events), version: read.version, events, recorded: read.events };
};
