/**
 * The PostgreSQL store with an outbox and a timer table: a PostgresEventStore (same options,
 * same behaviour) whose `appendWithOutbox` writes the events, the notification intents they
 * cause and the ticket's next wake-up in ONE transaction — a refused or failed append writes
 * none of them (event-store.md: Outbox). `outbox` and `timers` are the queues dispatchers and
 * timer workers claim from.
 */
import {
  type AppendResult,
  type AppendWithOutboxOptions,
  type EventStore,
  InvalidAppend,
  type NewEvent,
  type OutboxStore,
  type ReadAllOptions,
  type ReadAllResult,
  type StreamRead,
  validateAppend,
} from "@ticketfold/core";
import { monotonicFactory } from "ulid";
import { appendWith } from "../append.js";
import { PostgresEventStore, type PostgresEventStoreOptions } from "../store.js";
import { PostgresTimers, scheduleWakeUp } from "../timers/queue.js";
import { insertIntents, PostgresOutbox } from "./queue.js";
import { deliveryTables } from "./tables.js";

export class PostgresOutboxStore implements OutboxStore {
  readonly events: PostgresEventStore;
  readonly outbox: PostgresOutbox;
  readonly timers: PostgresTimers;
  readonly #options: PostgresEventStoreOptions;
  readonly #newEventId: () => string;
  #ready: Promise<unknown> | undefined;

  constructor(options: PostgresEventStoreOptions) {
    this.events = new PostgresEventStore(options);
    this.outbox = new PostgresOutbox(options.driver, this.events.schema);
    this.timers = new PostgresTimers(options.driver, this.events.schema);
    this.#options = options;
    this.#newEventId = options.newEventId ?? monotonicFactory();
    if (options.autoMigrate === false) this.#ready = Promise.resolve();
  }

  /** Creates or updates the schema (events, outbox and timers); idempotent. */
  migrate(): ReturnType<PostgresEventStore["migrate"]> {
    const result = this.events.migrate();
    this.#ready = result.catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return result;
  }

  readStream(...args: Parameters<EventStore["readStream"]>): Promise<StreamRead> {
    return this.events.readStream(...args);
  }

  appendToStream(...args: Parameters<EventStore["appendToStream"]>): Promise<AppendResult> {
    return this.events.appendToStream(...args);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    return this.events.readAll(options);
  }

  streamExists(tenantId: string, streamId: string): Promise<boolean> {
    return this.events.streamExists(tenantId, streamId);
  }

  async appendWithOutbox(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendWithOutboxOptions,
  ): Promise<AppendResult> {
    const invalid = validateAppend(options.expectedVersion, events);
    if (invalid) throw invalid;
    const eventIds = events.map((e) => e.eventId ?? this.#newEventId());
    const repeated = eventIds.find((id, i) => eventIds.indexOf(id) !== i);
    if (repeated !== undefined) throw new InvalidAppend(`event id ${repeated} appears twice in one append`);
    this.#ready ??= this.migrate();
    await this.#ready;
    const recordedAt = this.#options.now?.();
    const schema = this.events.schema;
    const tables = deliveryTables(schema);
    return this.events.driver.transaction(async (tx) => {
      const result = await appendWith(tx, schema, {
        tenantId,
        streamId,
        events,
        expectedVersion: options.expectedVersion,
        eventIds,
        ...(recordedAt === undefined ? {} : { recordedAt }),
        ...(this.#options.notify === false ? {} : { notifyChannel: schema.channel }),
      });
      await insertIntents(tx, tables, options.outbox);
      if (options.wakeUp !== undefined) await scheduleWakeUp(tx, tables, tenantId, streamId, options.wakeUp);
      return result;
    });
  }

  async close(): Promise<void> {
    await this.events.close();
  }
}

export const createPostgresOutboxStore = (options: PostgresEventStoreOptions): PostgresOutboxStore =>
  new PostgresOutboxStore(options);
