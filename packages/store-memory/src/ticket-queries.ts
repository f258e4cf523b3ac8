/**
 * The ticket list for the in-memory store (or any EventStore without a read side of its own):
 * the core's `TicketIndexProjection` fed from `readAll`. Each query first reads the log from
 * where the last one stopped, so a query sees every event appended before it (read your
 * writes). Catch-ups run one at a time, so concurrent queries never fold an event twice or
 * move the checkpoint back. A ticket under a policy the lookup does not know fails the query
 * with `UNKNOWN_POLICY` (nothing after it is applied until the lookup knows it).
 */
import {
  createTicketIndexProjection,
  type EventStore,
  type Instant,
  type PolicyLookup,
  type TicketListFilter,
  type TicketListRow,
  type TicketPage,
  type TicketPageRequest,
  type TicketQueries,
} from "@ticketfold/core";
import { followLog } from "./log-follower.js";

export interface InMemoryTicketQueriesOptions {
  /** The compiled policy of each policy id tickets name. */
  readonly policies: PolicyLookup;
  /** Events read per `readAll` page (default 500). */
  readonly batchSize?: number;
}

export interface InMemoryTicketQueries extends TicketQueries {
  /** Reads the log up to its end now; returns how many events it applied. */
  catchUp(): Promise<number>;
  /**
   * Forgets everything folded and reads the log again from its start: after a data subject is
   * forgotten, its values are `[erased]` in the log, and the list holds no copy of them any more.
   */
  rebuild(): Promise<number>;
}

export const createInMemoryTicketQueries = (
  store: EventStore,
  options: InMemoryTicketQueriesOptions,
): InMemoryTicketQueries => {
  let projection = createTicketIndexProjection(options.policies);
  const follower = followLog(store, (events) => projection.applyAll(events), options.batchSize);
  const catchUp = follower.catchUp;
  const rebuild = (): Promise<number> =>
    follower.restart(() => {
      projection = createTicketIndexProjection(options.policies);
    });

  return {
    catchUp,
    rebuild,
    async listTickets(tenant: string, filter: TicketListFilter, page: TicketPageRequest): Promise<TicketPage> {
      await catchUp();
      const listed = projection.list(tenant, filter, page);
      if (listed._tag === "Left") throw listed.left;
      return listed.right;
    },
    async getTicket(tenant: string, ticketId: string, now: Instant): Promise<TicketListRow | null> {
      await catchUp();
      const found = projection.get(tenant, ticketId, now);
      if (found._tag === "Left") throw found.left;
      return found.right;
    },
  };
};
