/**
 * The PostgreSQL store with an outbox and a timer table: a PostgresEventStore (same options,
 * same behaviour) whose `appendWithOutbox` writes the events, the notification intents they
 * cause and the ticket's next wake-up in ONE transaction — a refused or failed append writes
 * none of them (docs/design/event-store.md#outbox). `outbox` and `timers` are the queues dispatchers and
 * timer workers claim from.
 */
import {
  type AppendResult,
  type AppendWithOutboxOptions,
  type EventStore,
  type NewEvent,
  type OutboxStore,
  type ReadAllOptions,
  type ReadAllResult,
  type StreamRead,
  type SubjectExport,
  type SubjectForgotten,
  validateAppendInput,
  validateOutboxAppend,
} from "@ticketfold/core";
import { createPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from "../store.js";
import { createPostgresTimers, type PostgresTimers, scheduleWakeUp } from "../timers/queue.js";
import { createPostgresOutbox, insertIntents, type PostgresOutbox } from "./queue.js";
import { deliveryTables } from "./tables.js";

export class PostgresOutboxStore implements OutboxStore {
  readonly events: PostgresEventStore;
  readonly outbox: PostgresOutbox;
  readonly timers: PostgresTimers;

  /** @deprecated Use `createPostgresOutboxStore(options)`; `new` keeps working until 1.0. */
  constructor(options: PostgresEventStoreOptions) {
    this.events = createPostgresEventStore(options);
    this.outbox = createPostgresOutbox(options.driver, this.events.schema.name);
    this.timers = createPostgresTimers(options.driver, this.events.schema.name);
  }

  /** Creates or updates the schema (events, outbox and timers); idempotent. */
  migrate(): ReturnType<PostgresEventStore["migrate"]> {
    return this.events.migrate();
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

  /** Events, their intents and the next wake-up in one transaction, through the event store's append. */
  async appendWithOutbox(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendWithOutboxOptions,
  ): Promise<AppendResult> {
    // Refused before the transaction, in the same order as every store refuses.
    const invalid =
      validateAppendInput(tenantId, streamId, options.expectedVersion, events) ?? validateOutboxAppend(options);
    if (invalid) throw invalid;
    const { outbox, wakeUp } = options;
    const tables = deliveryTables(this.events.schema);
    return this.events.appendWithin(tenantId, streamId, events, options.expectedVersion, async (tx) => {
      await insertIntents(tx, tables, outbox);
      if (wakeUp !== undefined) await scheduleWakeUp(tx, tables, tenantId, streamId, wakeUp);
    });
  }

  /** Forgets a data subject: its key, and its values in the notices of its tickets (needs `personalData`). */
  forgetSubject(tenantId: string, subject: string, at?: number): Promise<SubjectForgotten> {
    return this.events.forgetSubject(tenantId, subject, at);
  }

  /** Everything held about a data subject (needs `personalData`). */
  exportSubject(tenantId: string, subject: string): Promise<SubjectExport> {
    return this.events.exportSubject(tenantId, subject);
  }

  async close(): Promise<void> {
    await this.events.close();
  }
}

/** The PostgreSQL store with an outbox and a timer table (same options as `createPostgresEventStore`). */
export const createPostgresOutboxStore = (options: PostgresEventStoreOptions): PostgresOutboxStore =>
  new PostgresOutboxStore(options);
