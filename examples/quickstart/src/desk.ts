/**
 * The support desk as an app would wire it: commands arrive as JSON (instants as ISO text),
 * are decoded at the boundary with `decodeCommand`, then handled against the store under the
 * policy of the ticket's tenant. Domain errors come back as values, never as exceptions.
 */
import {
  decodeCommand,
  type EncodedTicketCommand,
  type EventStore,
  formatInstant,
  type Handled,
  type HandlerError,
  handleCommand,
  type Policy,
  type PolicyResolver,
  type TicketCommand,
  type TicketCommandType,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { SimulatedClock } from "./clock.js";

export interface Actor {
  readonly kind: "requester" | "agent" | "system";
  readonly id: string;
  readonly name?: string;
}

/** A command as the caller writes it: its type and JSON data, without ticket, instant and actor. */
export type Request = {
  [K in TicketCommandType]: { readonly type: K; readonly data: Extract<EncodedTicketCommand, { type: K }>["data"] };
}[TicketCommandType];

export interface TicketRef {
  readonly tenantId: string;
  readonly ticketId: string;
}

/** Each tenant (a customer organisation) is served under one policy. */
export const policiesByTenant = (byTenant: Readonly<Record<string, Policy>>): PolicyResolver<Policy> => {
  const byId = new Map<string, Policy>(Object.values(byTenant).map((p) => [p.id, p]));
  return {
    byId: (id) => byId.get(id),
    forNewTicket: (command) => {
      const policy = byTenant[command.tenantId];
      if (!policy) throw new Error(`tenant ${command.tenantId} has no policy`);
      return policy;
    },
  };
};

export interface Desk {
  readonly store: EventStore;
  readonly clock: SimulatedClock;
  readonly policies: PolicyResolver<Policy>;
  /** A person's request, as JSON from outside: decoded, then handled at the clock's `now`. */
  send(ticket: TicketRef, by: Actor, request: Request): Promise<E.Either<HandlerError, Handled>>;
  /** A command the app made itself (the timers' `due`): handled as it is. */
  apply(command: TicketCommand): Promise<E.Either<HandlerError, Handled>>;
}

export const createDesk = (store: EventStore, clock: SimulatedClock, policies: PolicyResolver<Policy>): Desk => ({
  store,
  clock,
  policies,
  apply: (command) => handleCommand(store, policies, command),
  send: async (ticket, by, request) => {
    const json = {
      type: request.type,
      ticketId: ticket.ticketId,
      tenantId: ticket.tenantId,
      at: formatInstant(clock.now()),
      actor: by,
      data: request.data,
    };
    const command = decodeCommand(json);
    if (E.isLeft(command)) return command;
    return handleCommand(store, policies, command.right);
  },
});
