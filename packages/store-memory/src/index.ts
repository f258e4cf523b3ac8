/**
 * In-memory EventStore: the same behaviour as the PostgreSQL store (all four expected-version
 * modes, conflict errors with expected and actual versions, tenant isolation, read-all with
 * checkpoints), for tests, demos and single-process apps. Data is copied in and out as JSON,
 * so callers can never change what was stored. It refuses what the PostgreSQL store cannot
 * hold (the core's store input rules), so an app tested on it meets no surprise in production.
 */
import {
  type AppendResult,
  type Checkpoint,
  checkExpectedVersion,
  type EventStore,
  type ExpectedVersion,
  type Instant,
  InvalidAppend,
  InvalidCheckpoint,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
  type StreamRead,
  validateAppendInput,
  validateReadAll,
  validateStoreKey,
  validateStreamRead,
  validateTenantId,
} from "@ticketfold/core";
import { monotonicFactory } from "ulid";

export interface InMemoryStoreOptions {
  /** Clock for `recordedAt` (default: the system clock). */
  readonly now?: () => Instant;
  /** Event id source (default: monotonic ULIDs). */
  readonly newEventId?: () => string;
}

const key = (tenantId: string, streamId: string): string => `${tenantId}\u0000${streamId}`;

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, RecordedEvent[]>();
  readonly #log: RecordedEvent[] = [];
  readonly #eventIds = new Set<string>();
  readonly #now: () => Instant;
  readonly #newEventId: () => string;

  /** @deprecated Use `createInMemoryEventStore(options)`; `new` keeps working until 1.0. */
  constructor(options: InMemoryStoreOptions = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#newEventId = options.newEventId ?? monotonicFactory();
  }

  async readStream(
    tenantId: string,
    streamId: string,
    options: { readonly fromVersion?: number } = {},
  ): Promise<StreamRead> {
    const invalid = validateStreamRead(tenantId, streamId, options.fromVersion);
    if (invalid) throw invalid;
    const stream = this.#streams.get(key(tenantId, streamId));
    if (!stream) return { exists: false, version: 0, events: [] };
    const from = options.fromVersion ?? 1;
    return { exists: true, version: stream.length, events: stream.filter((e) => e.version >= from).map(copy) };
  }

  async appendToStream(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    return this.stageAppend(tenantId, streamId, events, options.expectedVersion).commit();
  }

  /**
   * Checks an append and builds its records without storing anything; `commit` stores them and
   * cannot fail. Between the two, with no await in between, the outbox store prepares its
   * intents and wake-up, so that all of them are written or none (outbox.ts).
   */
  stageAppend(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): { readonly commit: () => AppendResult } {
    const invalid = validateAppendInput(tenantId, streamId, expectedVersion, events);
    if (invalid) throw invalid;
    const k = key(tenantId, streamId);
    const stream = this.#streams.get(k) ?? [];
    const conflict = checkExpectedVersion(tenantId, streamId, expectedVersion, stream.length);
    if (conflict) throw conflict;
    const recordedAt = this.#now();
    const fresh = new Set<string>();
    const records = events.map((e, i): RecordedEvent => {
      const eventId = e.eventId ?? this.#newEventId();
      if (this.#eventIds.has(eventId) || fresh.has(eventId)) {
        throw new InvalidAppend(`event id ${eventId} is already stored`);
      }
      fresh.add(eventId);
      return {
        eventId,
        tenantId,
        streamId,
        type: e.type,
        // As PostgreSQL's integer column: -0 reads back as 0.
        schemaVersion: e.schemaVersion + 0,
        data: copy(e.data),
        metadata: copy(e.metadata),
        version: stream.length + i + 1,
        position: String(this.#log.length + i + 1),
        recordedAt,
      };
    });
    return {
      commit: () => {
        for (const r of records) {
          stream.push(r);
          this.#log.push(r);
          this.#eventIds.add(r.eventId);
        }
        this.#streams.set(k, stream);
        return { nextVersion: stream.length, events: records.map(copy) };
      },
    };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const invalid = validateReadAll(options);
    if (invalid) throw invalid;
    const after = parseCheckpoint(options.after ?? null, this.#log.length);
    const limit = options.limit ?? 1000;
    const out: RecordedEvent[] = [];
    let i = after;
    for (; i < this.#log.length && out.length < limit; i++) {
      const e = this.#log[i] as RecordedEvent;
      if (options.tenantId === undefined || e.tenantId === options.tenantId) out.push(copy(e));
    }
    return {
      events: out,
      checkpoint: i === 0 && after === 0 ? (options.after ?? null) : String(i),
      isEnd: i >= this.#log.length,
    };
  }

  async streamExists(tenantId: string, streamId: string): Promise<boolean> {
    const invalid = validateTenantId(tenantId) ?? validateStoreKey(streamId, "streamId");
    if (invalid) throw invalid;
    return this.#streams.has(key(tenantId, streamId));
  }
}

/** A checkpoint is the count of log entries already read; one past the log was never issued. */
const parseCheckpoint = (c: Checkpoint | null, logLength: number): number => {
  if (c === null) return 0;
  const n = /^\d+$/.test(c) ? Number(c) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > logLength) throw new InvalidCheckpoint(c);
  return n;
};

/** An empty in-memory event store. */
export const createInMemoryEventStore = (options?: InMemoryStoreOptions): InMemoryEventStore =>
  new InMemoryEventStore(options);
export { createInMemoryAttachmentStore } from "./attachments.js";
export { createInMemoryDesk, type InMemoryDesk, type InMemoryDeskOptions, logDeskError, systemSleep } from "./desk.js";
export * from "./outbox.js";
export {
  createInMemoryTicketQueries,
  type InMemoryTicketQueries,
  type InMemoryTicketQueriesOptions,
} from "./ticket-queries.js";
export * from "./timers.js";
