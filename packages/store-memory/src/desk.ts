/**
 * `createInMemoryDesk`: the core's `createDesk` on the in-memory outbox store, with the system
 * clock, a real sleep, ULID event ids, the in-memory ticket list (it catches up on each query,
 * so there is no read side to run), the engineers' bookings across tickets (read the same way:
 * a session over one its engineer has on another ticket is refused) and errors logged to
 * `console.error`. For tests, demos and
 * single-process apps; every default can be replaced (a test passes its own clock).
 */
import {
  createDesk,
  type Desk,
  type DeskErrorHandler,
  type DeskOptions,
  type DeskSignal,
  type Instant,
  type Policy,
  type PolicyResolver,
  policyLookupOf,
  type SessionBookings,
  singlePolicy,
} from "@ticketfold/core";
import { monotonicFactory } from "ulid";
import type { InMemoryStoreOptions } from "./index.js";
import { createInMemoryOutboxStore, type InMemoryOutboxStore } from "./outbox.js";
import { createInMemorySessionBookings } from "./session-bookings.js";
import { createInMemoryTicketQueries, type InMemoryTicketQueries } from "./ticket-queries.js";

export interface InMemoryDeskOptions
  extends Omit<DeskOptions, "store" | "queries" | "readSide" | "policies" | "clock" | "sleep" | "newEventId"> {
  /** One policy for every ticket, or a resolver. */
  readonly policies: Policy | PolicyResolver<Policy>;
  /** Now (default: the system clock, `Date.now`); it also stamps the store's `recordedAt`. */
  readonly clock?: () => Instant;
  /** The wait between polls (default: a timer, cut short when the desk stops). */
  readonly sleep?: DeskOptions["sleep"];
  /** Event ids (default: monotonic ULIDs). */
  readonly newEventId?: () => string;
  /** The store (default: a fresh, empty one). */
  readonly store?: InMemoryOutboxStore;
  /** Crypto-shredding for the default store (docs/personal-data.md): `forget` and `exportSubject` need it. */
  readonly personalData?: InMemoryStoreOptions["personalData"];
}

export interface InMemoryDesk extends Desk {
  readonly store: InMemoryOutboxStore;
  readonly queries: InMemoryTicketQueries;
  /** The bookings a `schedule-session` is checked against (the given ones, else kept from the store). */
  readonly sessionBookings: SessionBookings;
}

/** Waits `ms` with a timer, or until `signal` aborts. */
export const systemSleep = (ms: number, signal: DeskSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });

/** The adapters' default `onError`: each failure to `console.error`, with its worker and ticket or notice; the worker goes on. */
export const logDeskError: DeskErrorHandler = (error, context) => {
  const where = [context.tenantId, context.ticketId].filter((p) => p !== undefined).join("/");
  const what = context.intentId ?? where;
  console.error(`ticketfold desk: ${context.worker}${what === "" ? "" : ` (${what})`} failed:`, error);
};

const resolverOf = (policies: Policy | PolicyResolver<Policy>): PolicyResolver<Policy> =>
  typeof (policies as Partial<PolicyResolver>).byId === "function"
    ? (policies as PolicyResolver<Policy>)
    : singlePolicy(policies as Policy);

/** A complete desk in memory: `handle` commands, `start()` the timers and the outbox, `queries` the tickets. */
export const createInMemoryDesk = (options: InMemoryDeskOptions): InMemoryDesk => {
  const clock = options.clock ?? (() => Date.now());
  const newEventId = options.newEventId ?? monotonicFactory();
  const store =
    options.store ??
    createInMemoryOutboxStore({
      now: clock,
      newEventId,
      ...(options.personalData === undefined ? {} : { personalData: options.personalData }),
    });
  const policies = resolverOf(options.policies);
  const queries = createInMemoryTicketQueries(store, { policies: policyLookupOf(policies) });
  const sessionBookings = options.sessionBookings ?? createInMemorySessionBookings(store);
  const desk = createDesk({
    ...options,
    store,
    policies,
    queries,
    sessionBookings,
    clock,
    sleep: options.sleep ?? systemSleep,
    newEventId,
    onError: options.onError ?? logDeskError,
    purgeReadModel: async () => {
      await queries.rebuild();
    },
  });
  return { ...desk, store, queries, sessionBookings };
};
