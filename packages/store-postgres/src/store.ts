/**
 * The PostgreSQL EventStore: one adapter for a PostgreSQL server and for embedded PGlite,
 * through a SqlDriver. It enforces all four expected-version modes (conflicts carry expected
 * and actual versions), scopes every query by tenant, reads the global log gap-free, and runs
 * consumers with durable checkpoints. The schema is migrated on first use unless told not to.
 */
import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type Instant,
  InvalidAppend,
  type KeyStore,
  type NewEvent,
  openRecords,
  type PersonalData,
  type PersonalDataCipher,
  type ReadAllOptions,
  type ReadAllResult,
  type StreamRead,
  type SubjectExport,
  type SubjectForgotten,
  sealEvents,
  subjectExportOf,
  validateAppendInput,
  validateReadAll,
  validateStoreKey,
  validateStreamRead,
  validateTenantId,
} from "@ticketfold/core";
import { aesGcmCipher } from "@ticketfold/store-memory";
import { monotonicFactory } from "ulid";
import { appendWith } from "./append.js";
import { readConsumerCheckpoint } from "./consumers.js";
import type { SqlDriver, SqlExecutor } from "./driver.js";
import { type MigrateResult, migrate } from "./migrations.js";
import { type AppendNotifier, appendNotifier } from "./notifier.js";
import { eventsOfStreamsWith, purgeOutboxWith, streamsOfSubjectWith } from "./personal-data/forget.js";
import { findKeysWith, postgresKeyStore } from "./personal-data/key-store.js";
import { readAllWith } from "./read-all.js";
import { readStreamWith, streamExistsWith } from "./read-stream.js";
import { type StoreSchema, storeSchema } from "./schema.js";
import { ABORTED, runSubscription, type SubscribeOptions, unlessAborted, validateSubscription } from "./subscribe.js";

export interface PostgresEventStoreOptions {
  readonly driver: SqlDriver;
  /** PostgreSQL schema holding the tables (default "ticketfold"). */
  readonly schema?: string;
  /** Create or update the schema before the first operation (default true). */
  readonly autoMigrate?: boolean;
  /**
   * NOTIFY consumers of appends, throttled to one wake-up per `notifyIntervalMs` (default
   * true; see notifier.ts for why it is throttled).
   */
  readonly notify?: boolean;
  /** Window of the NOTIFY throttle in milliseconds (default 50; 0 = notify every append). */
  readonly notifyIntervalMs?: number;
  /** `close` also closes the driver (default true). */
  readonly closeDriver?: boolean;
  /** Clock for `recordedAt` (default: the database's transaction time). */
  readonly now?: () => Instant;
  /** Event id source for events without one (default: monotonic ULIDs). */
  readonly newEventId?: () => string;
  /**
   * Crypto-shredding (docs/personal-data.md): personal values are sealed under a key per data
   * subject and read back as `[erased]` once it is forgotten. `keyStore` defaults to the schema's
   * `subject_keys` table; cipher: AES-256-GCM. Absent: events are stored as given.
   */
  readonly personalData?: { readonly keyStore?: KeyStore; readonly cipher?: PersonalDataCipher };
}

/** The personal data of a store on `schema`, its keys read through `db` unless another key store is given. */
const personalDataOf =
  (options: NonNullable<PostgresEventStoreOptions["personalData"]>, s: StoreSchema) =>
  (db: SqlExecutor): PersonalData => {
    const cipher = options.cipher ?? aesGcmCipher;
    if (options.keyStore !== undefined) return { keyStore: options.keyStore, cipher };
    const keys = postgresKeyStore(db, s);
    return { keyStore: { ...keys, findKeys: (t, subjects) => findKeysWith(db, s, t, subjects) }, cipher };
  };

export class PostgresEventStore implements EventStore {
  readonly driver: SqlDriver;
  readonly schema: StoreSchema;
  readonly #options: PostgresEventStoreOptions;
  readonly #newEventId: () => string;
  readonly #notifier: AppendNotifier | undefined;
  readonly #personal: ((db: SqlExecutor) => PersonalData) | undefined;
  #ready: Promise<unknown> | undefined;

  /** @deprecated Use `createPostgresEventStore(options)`; `new` keeps working until 1.0. */
  constructor(options: PostgresEventStoreOptions) {
    this.driver = options.driver;
    const names = storeSchema(options.schema);
    const personal = options.personalData === undefined ? undefined : personalDataOf(options.personalData, names);
    this.#personal = personal;
    this.schema =
      personal === undefined ? names : { ...names, open: (db, records) => openRecords(records, personal(db)) };
    this.#options = options;
    this.#newEventId = options.newEventId ?? monotonicFactory();
    this.#notifier =
      options.notify === false
        ? undefined
        : appendNotifier(this.driver, this.schema.channel, options.notifyIntervalMs ?? 50);
    if (options.autoMigrate === false) this.#ready = Promise.resolve();
  }

  /** Creates or updates the schema now (idempotent; also run lazily unless autoMigrate is false). */
  async migrate(): Promise<MigrateResult> {
    const result = migrate(this.driver, { schema: this.schema.name });
    // A failed migration is retried by the next operation instead of failing it forever.
    this.#ready = result.catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return result;
  }

  #whenReady(): Promise<unknown> {
    this.#ready ??= this.migrate();
    return this.#ready;
  }

  async readStream(
    tenantId: string,
    streamId: string,
    options: { readonly fromVersion?: number } = {},
  ): Promise<StreamRead> {
    const invalid = validateStreamRead(tenantId, streamId, options.fromVersion);
    if (invalid) throw invalid;
    await this.#whenReady();
    return readStreamWith(this.driver, this.schema, tenantId, streamId, options.fromVersion ?? 1);
  }

  async appendToStream(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    return this.appendWithin(tenantId, streamId, events, options.expectedVersion);
  }

  /**
   * The one append path: checks the batch, assigns event ids, appends, and, when `alongside`
   * is given, runs it in the same transaction (the outbox store writes notification intents and
   * the ticket's next wake-up there), so a refused or failed append writes neither.
   */
  async appendWithin(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
    alongside?: (tx: SqlExecutor) => Promise<void>,
  ): Promise<AppendResult> {
    // The core's input rules: what PostgreSQL cannot hold is refused here, not by the driver.
    const invalid = validateAppendInput(tenantId, streamId, expectedVersion, events);
    if (invalid) throw invalid;
    const eventIds = events.map((e) => e.eventId ?? this.#newEventId());
    const repeated = eventIds.find((id, i) => eventIds.indexOf(id) !== i);
    if (repeated !== undefined) throw new InvalidAppend(`event id ${repeated} appears twice in one append`);
    await this.#whenReady();
    // Keys are made before the append's transaction: a key made for an append that then fails holds nothing.
    const stored =
      this.#personal === undefined ? events : await sealEvents(tenantId, events, this.#personal(this.driver));
    const recordedAt = this.#options.now?.();
    const notifyNow = this.#notifier?.claim(tenantId) === true;
    const input = {
      tenantId,
      streamId,
      events: stored,
      expectedVersion,
      eventIds,
      ...(recordedAt === undefined ? {} : { recordedAt }),
      // Delivered on commit only; a consumer that misses it still finds the events by polling.
      ...(notifyNow ? { notifyChannel: this.schema.channel } : {}),
    };
    const result =
      alongside === undefined
        ? await appendWith(this.driver, this.schema, input)
        : await this.driver.transaction(async (tx) => {
            const appended = await appendWith(tx, this.schema, input);
            await alongside(tx);
            return appended;
          });
    if (!notifyNow) this.#notifier?.skipped(tenantId);
    const opened = this.schema.open === undefined ? result.events : await this.schema.open(this.driver, result.events);
    return { ...result, events: opened };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const invalid = validateReadAll(options);
    if (invalid) throw invalid;
    await this.#whenReady();
    return readAllWith(this.driver, this.schema, options);
  }

  async streamExists(tenantId: string, streamId: string): Promise<boolean> {
    const invalid = validateTenantId(tenantId) ?? validateStoreKey(streamId, "streamId");
    if (invalid) throw invalid;
    await this.#whenReady();
    return streamExistsWith(this.driver, this.schema, tenantId, streamId);
  }

  /** Runs a consumer until its signal aborts; see SubscribeOptions. */
  async subscribe(options: SubscribeOptions): Promise<void> {
    const invalid = validateSubscription(options);
    if (invalid) throw invalid;
    // Stopping works while the schema is still being made ready, too (it waits for a connection).
    if ((await unlessAborted(this.#whenReady(), options.signal)) === ABORTED) return;
    return runSubscription(this.driver, this.schema, options);
  }

  /** A consumer's stored checkpoint (null before its first batch). */
  async consumerCheckpoint(consumer: string, tenantId?: string): Promise<string | null> {
    const invalid =
      validateStoreKey(consumer, "consumer") ??
      (tenantId === undefined ? undefined : validateTenantId(tenantId, "tenantId"));
    if (invalid) throw invalid;
    await this.#whenReady();
    return readConsumerCheckpoint(this.driver, this.schema, consumer, tenantId);
  }

  /**
   * Forgets a data subject (needs `personalData`): deletes its key, so its sealed values read as
   * `[erased]`, and purges the outbox's copies of its values, in one transaction.
   * The read side's copies are purged by `purgeReadSide`. Returns the erasure's audit fact.
   */
  async forgetSubject(
    tenantId: string,
    subject: string,
    at: Instant = this.#options.now?.() ?? Date.now(),
  ): Promise<SubjectForgotten> {
    const personal = this.#personalData();
    await this.#whenReady();
    return this.driver.transaction(async (tx) => {
      const fact = await personal(tx).keyStore.forget(tenantId, subject, at);
      const tickets = await streamsOfSubjectWith(tx, this.schema, tenantId, subject);
      await purgeOutboxWith(tx, this.schema, tenantId, tickets, subject);
      return fact;
    });
  }

  /** The ids of the tenant's tickets whose events name this data subject. */
  async streamsOfSubject(tenantId: string, subject: string): Promise<string[]> {
    await this.#whenReady();
    return streamsOfSubjectWith(this.driver, this.schema, tenantId, subject);
  }

  /** Everything held about a data subject: its tickets' events with their personal values (needs `personalData`). */
  async exportSubject(tenantId: string, subject: string): Promise<SubjectExport> {
    const personal = this.#personalData()(this.driver);
    await this.#whenReady();
    const streams = await streamsOfSubjectWith(this.driver, this.schema, tenantId, subject);
    const records = await eventsOfStreamsWith(this.driver, this.schema, tenantId, streams);
    const forgotten = await personal.keyStore.forgotten(tenantId, subject);
    return subjectExportOf(tenantId, subject, await openRecords(records, personal), forgotten);
  }

  #personalData(): (db: SqlExecutor) => PersonalData {
    if (this.#personal === undefined)
      throw new Error("personal data is not enabled on this store (personalData option)");
    return this.#personal;
  }

  async close(): Promise<void> {
    await this.#notifier?.flush();
    if (this.#options.closeDriver !== false) await this.driver.close();
  }
}

/** The PostgreSQL event store over a driver (a server through `pgDriver`, or embedded PGlite). */
export const createPostgresEventStore = (options: PostgresEventStoreOptions): PostgresEventStore =>
  new PostgresEventStore(options);
