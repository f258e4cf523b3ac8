/**
 * `createPostgresDesk`: the core's `createDesk` on PostgreSQL or embedded PGlite — the outbox
 * store (events, notices and wake-ups in one transaction), the read side's ticket list and its
 * runner (`runReadSide`), the engineers' bookings (the read side's, as current as its runner),
 * the system clock, a real sleep, ULID event ids, errors logged to `console.error`. Give it where the data lives (`pglite`, `pool` or `driver`; none: a fresh
 * in-memory PGlite), the policies and the channels; it migrates the schema before it returns.
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
  singlePolicy,
} from "@ticketfold/core";
import { monotonicFactory } from "ulid";
import type { SqlDriver } from "./driver.js";
import { createPostgresOutboxStore, type PostgresOutboxStore } from "./outbox/store.js";
import { type LogPartition, validatePartition } from "./partition.js";
import { pgDriver } from "./pg-driver.js";
import type { PgPool } from "./pg-pool.js";
import { type PgliteInstance, pgliteDriver } from "./pglite-driver.js";
import { purgeReadSide } from "./read-side/purge.js";
import { runReadSide } from "./read-side/runner.js";
import { createPostgresSessionBookings } from "./read-side/session-bookings-query.js";
import { createPostgresTicketQueries } from "./read-side/ticket-list-query.js";
import type { PostgresEventStoreOptions } from "./store.js";

export interface PostgresDeskOptions
  extends Omit<DeskOptions, "store" | "queries" | "readSide" | "policies" | "clock" | "sleep" | "newEventId"> {
  /** Embedded PGlite: your `PGlite` instance (left open by `close`), or a data directory. */
  readonly pglite?: PgliteInstance | string;
  /** A PostgreSQL server: your `pg` Pool (left open by `close`), or a connection string. */
  readonly pool?: PgPool | string;
  /** Or any SqlDriver. With none of the three: a fresh in-memory PGlite. */
  readonly driver?: SqlDriver;
  /** The PostgreSQL schema of the tables (default "ticketfold"). */
  readonly schema?: string;
  /** One policy for every ticket, or a resolver. */
  readonly policies: Policy | PolicyResolver<Policy>;
  /** Now (default: the system clock, `Date.now`); it also stamps `recordedAt`. */
  readonly clock?: () => Instant;
  /** The wait between polls (default: a timer, cut short when the desk stops). */
  readonly sleep?: DeskOptions["sleep"];
  /** Event ids (default: monotonic ULIDs). */
  readonly newEventId?: () => string;
  /** The read-side runner's polling when idle, in ms (default 500; appends wake it at once through NOTIFY). */
  readonly readSidePollMs?: number;
  /**
   * The share of the tickets this desk's read side projects (default: all). Start one desk per
   * index 0 … count-1, in as many processes as you like (docs/scaling.md#horizontal-workers).
   */
  readonly readSidePartition?: LogPartition;
  /**
   * Crypto-shredding (docs/personal-data.md): personal values sealed under a key per data subject
   * (default key store: the schema's `subject_keys` table). `forget` and `exportSubject` need it.
   */
  readonly personalData?: PostgresEventStoreOptions["personalData"];
}

export interface PostgresDesk extends Desk {
  readonly store: PostgresOutboxStore;
  /** Stops the workers, then closes the store (and the database, unless it is your instance or pool). */
  close(): Promise<void>;
}

/** Waits `ms` with a timer, or until `signal` aborts. */
const systemSleep = (ms: number, signal: DeskSignal): Promise<void> =>
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

/** Each failure to `console.error`, with its worker and ticket or notice; the worker goes on. */
const logDeskError: DeskErrorHandler = (error, context) => {
  const where = [context.tenantId, context.ticketId].filter((p) => p !== undefined).join("/");
  const what = context.intentId ?? where;
  console.error(`ticketfold desk: ${context.worker}${what === "" ? "" : ` (${what})`} failed:`, error);
};

const driverOf = (options: PostgresDeskOptions): SqlDriver => {
  const given = [options.pglite, options.pool, options.driver].filter((o) => o !== undefined).length;
  if (given > 1) throw new Error("createPostgresDesk: give one of pglite, pool or driver");
  if (options.driver !== undefined) return options.driver;
  if (options.pool !== undefined) return pgDriver(options.pool);
  return pgliteDriver(options.pglite);
};

const resolverOf = (policies: Policy | PolicyResolver<Policy>): PolicyResolver<Policy> =>
  typeof (policies as Partial<PolicyResolver>).byId === "function"
    ? (policies as PolicyResolver<Policy>)
    : singlePolicy(policies as Policy);

/** A complete desk on PostgreSQL or PGlite: `handle` commands, `start()` the workers, `queries` the tickets. */
export const createPostgresDesk = async (options: PostgresDeskOptions): Promise<PostgresDesk> => {
  const partition = options.readSidePartition;
  const invalid = partition === undefined ? undefined : validatePartition(partition, "readSidePartition");
  if (invalid) throw invalid;
  const clock = options.clock ?? (() => Date.now());
  const newEventId = options.newEventId ?? monotonicFactory();
  const store = createPostgresOutboxStore({
    driver: driverOf(options),
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    now: clock,
    newEventId,
    ...(options.personalData === undefined ? {} : { personalData: options.personalData }),
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  const policies = resolverOf(options.policies);
  const lookup = policyLookupOf(policies);
  const queries = createPostgresTicketQueries(store.events, { policies: lookup });
  const desk = createDesk({
    ...options,
    store,
    policies,
    queries,
    // The read side's bookings: as current as its runner (docs/sessions.md).
    sessionBookings: options.sessionBookings ?? createPostgresSessionBookings(store.events),
    clock,
    sleep: options.sleep ?? systemSleep,
    newEventId,
    onError: options.onError ?? logDeskError,
    purgeReadModel: async (fact) => {
      await purgeReadSide(store.events, fact, lookup);
    },
    readSide: async (signal) => {
      // runReadSide takes a real AbortSignal: follow the desk's.
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      signal.addEventListener("abort", abort);
      try {
        await runReadSide(store.events, {
          policies: lookup,
          signal: controller.signal,
          ...(options.readSidePollMs === undefined ? {} : { pollInterval: options.readSidePollMs }),
          ...(options.readSidePartition === undefined ? {} : { partition: options.readSidePartition }),
        });
      } finally {
        signal.removeEventListener("abort", abort);
      }
    },
  });
  return {
    ...desk,
    store,
    close: async () => {
      try {
        await desk.stop();
      } finally {
        await store.close();
      }
    },
  };
};
