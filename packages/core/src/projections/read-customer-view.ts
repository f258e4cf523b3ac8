/**
 * Reading one ticket's customer view from any event store: one stream read (a single ticket,
 * so no read model is needed), decoded and folded like `loadTicket`. A record that cannot be
 * decoded is thrown as `CorruptEvent`; an unknown ticket reads as null.
 */
import * as E from "fp-ts/lib/Either.js";
import { fromRecorded } from "../store/records.js";
import type { EventStore } from "../store/types.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { type CustomerTicketView, customerTicketView } from "./customer-view.js";

export const readCustomerTicketView = async (
  store: EventStore,
  tenant: string,
  ticketId: string,
): Promise<CustomerTicketView | null> => {
  const read = await store.readStream(tenant, ticketId);
  const events: TicketEvent[] = [];
  for (const r of read.events) {
    const decoded = fromRecorded(r);
    if (E.isLeft(decoded)) throw decoded.left;
    events.push(decoded.right);
  }
  return customerTicketView(fold(events), events);
};
