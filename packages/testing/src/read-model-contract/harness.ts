/**
 * What the read-model contract is given and the helpers it runs on: a fixture (an EMPTY event
 * store, the adapter's `TicketQueries` over it, and how to wait until the read model has
 * applied what was appended), appending a workload's log, the pure reference of a log, and
 * walking every page of a query.
 */
import {
  createTicketIndexProjection,
  type EventStore,
  type PolicyLookup,
  type RecordedEvent,
  type TicketIndexProjection,
  type TicketListFilter,
  type TicketListOrder,
  type TicketPage,
  type TicketQueries,
} from "@ticketfold/core";
import { workloadPolicies } from "../workload/policies.js";

export interface TicketQueriesFixture {
  /** An EMPTY store the suite appends tickets to. */
  readonly store: EventStore;
  /** The adapter's read model over `store`, built with the policies the suite passed. */
  readonly queries: TicketQueries;
  /** Resolves once the read model has applied the first `events` events appended to `store`. */
  settle(events: number): Promise<void>;
  /** Disposes of the fixture (default: `store.close()`). */
  cleanup?(): Promise<void>;
}

/** Makes a fixture whose read model looks policies up in `policies`. */
export type MakeTicketQueries = (policies: PolicyLookup) => Promise<TicketQueriesFixture>;

export type Log = readonly RecordedEvent[];

/** Runs `body` on a fresh fixture, then disposes of it. */
export const withTicketQueries = async <T>(
  make: MakeTicketQueries,
  body: (f: TicketQueriesFixture) => Promise<T>,
): Promise<T> => {
  const f = await make(workloadPolicies);
  try {
    return await body(f);
  } finally {
    if (f.cleanup) await f.cleanup();
    else await f.store.close?.();
  }
};

/** Appends the log's events in log order, one append each (so tickets interleave). */
export const appendLog = async (store: EventStore, log: Log): Promise<void> => {
  for (const e of log) {
    const { tenantId, streamId, version, position: _p, recordedAt: _r, eventId: _e, ...event } = e;
    await store.appendToStream(tenantId, streamId, [event], { expectedVersion: version - 1 });
  }
};

/** The pure reference of a log. */
export const referenceOf = (log: Log): TicketIndexProjection => {
  const p = createTicketIndexProjection(workloadPolicies);
  const done = p.applyAll(log);
  if (done._tag === "Left") throw done.left;
  return p;
};

export interface Walk {
  readonly tenant: string;
  readonly filter: TicketListFilter;
  readonly order: TicketListOrder;
  readonly limit: number;
  readonly now: number;
}

/** Every page of a query, following the cursors (bounded). */
export const walkPages = async (
  list: (cursor: string | null) => Promise<TicketPage>,
  maxPages = 500,
): Promise<TicketPage[]> => {
  const pages: TicketPage[] = [];
  let cursor: string | null = null;
  do {
    const page: TicketPage = await list(cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < maxPages);
  if (cursor !== null) throw new Error(`more than ${maxPages} pages`);
  return pages;
};
