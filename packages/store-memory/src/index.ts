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
  type KeyStore,
  type NewEvent,
  openRecords,
  type PersonalData,
  type PersonalDataCipher,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
  type StreamRead,
  type SubjectExport,
  type SubjectForgotten,
  sealEvents,
  subjectExportOf,
  subjectOfRecord,
  validateAppendInput,
  validateReadAll,
  validateStoreKey,
  validateStreamRead,
  validateTenantId,
} from "@ticketfold/core";
import { monotonicFactory } from "ulid";
import { aesGcmCipher } from "./personal-data/aes-gcm-cipher.js";

export interface InMemoryStoreOptions {
  /** Clock for `recordedAt` (default: the system clock). */
  readonly now?: () => Instant;
  /** Event id source (default: monotonic ULIDs). */
  readonly newEventId?: () => string;
  /**
   * Crypto-shredding (docs/personal-data.md): personal values are sealed under a key per data
   * subject from `keyStore` (cipher: AES-256-GCM) and read back as `[erased]` once it is forgotten.
   * Absent: events are kept as given.
   */
  readonly personalData?: { readonly keyStore: KeyStore; readonly cipher?: PersonalDataCipher };
}

const personalDataOf = (options: InMemoryStoreOptions): PersonalData | undefined =>
  options.personalData === undefined
    ? undefined
    : { keyStore: options.personalData.keyStore, cipher: options.personalData.cipher ?? aesGcmCipher };

const key = (tenantId: string, streamId: string): string => `${tenantId}\u0000${streamId}`;

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, RecordedEvent[]>();
  readonly #log: RecordedEvent[] = [];
  readonly #eventIds = new Set<string>();
  readonly #now: () => Instant;
  readonly #newEventId: () => string;
  readonly #personal: PersonalData | undefined;

  /** @deprecated Use `createInMemoryEventStore(options)`; `new` keeps working until 1.0. */
  constructor(options: InMemoryStoreOptions = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#newEventId = options.newEventId ?? monotonicFactory();
    this.#personal = personalDataOf(options);
  }

  /** The events as stored: checked, then their personal values sealed (when personal data is on). */
  async sealForAppend(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<readonly NewEvent[]> {
    const invalid = validateAppendInput(tenantId, streamId, expectedVersion, events);
    if (invalid) throw invalid;
    return this.#personal === undefined ? events : sealEvents(tenantId, events, this.#personal);
  }

  /** Records as callers see them: personal values opened (or `[erased]`). */
  async openForRead(records: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return this.#personal === undefined ? [...records] : openRecords(records, this.#personal);
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
    const version = stream.length;
    const events = await this.openForRead(stream.filter((e) => e.version >= from).map(copy));
    return { exists: true, version, events };
  }

  async appendToStream(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const sealed = await this.sealForAppend(tenantId, streamId, events, options.expectedVersion);
    const result = this.stageAppend(tenantId, streamId, sealed, options.expectedVersion).commit();
    return { ...result, events: await this.openForRead(result.events) };
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
      events: await this.openForRead(out),
      checkpoint: i === 0 && after === 0 ? (options.after ?? null) : String(i),
      isEnd: i >= this.#log.length,
    };
  }

  async streamExists(tenantId: string, streamId: string): Promise<boolean> {
    const invalid = validateTenantId(tenantId) ?? validateStoreKey(streamId, "streamId");
    if (invalid) throw invalid;
    return this.#streams.has(key(tenantId, streamId));
  }

  /** Every record as stored (sealed values sealed), as JSON: what an audit of the store would see. */
  heldData(): string {
    return JSON.stringify(this.#log);
  }

  /** The ids of the tenant's streams whose events name this data subject. */
  streamsOfSubject(tenantId: string, subject: string): string[] {
    const found = new Set<string>();
    for (const e of this.#log) {
      if (e.tenantId === tenantId && subjectOfRecord(e.type, e.data, e.metadata) === subject) found.add(e.streamId);
    }
    return [...found];
  }

  /** Deletes the subject's key: its sealed values read as `[erased]` from now on (needs `personalData`). */
  async forgetSubject(tenantId: string, subject: string, at: Instant = this.#now()): Promise<SubjectForgotten> {
    return this.#personalData().keyStore.forget(tenantId, subject, at);
  }

  /** Everything held about the subject: its tickets' events with their personal values (needs `personalData`). */
  async exportSubject(tenantId: string, subject: string): Promise<SubjectExport> {
    const keys = this.#personalData().keyStore;
    const streams = new Set(this.streamsOfSubject(tenantId, subject));
    const records = this.#log.filter((e) => e.tenantId === tenantId && streams.has(e.streamId)).map(copy);
    const forgotten = await keys.forgotten(tenantId, subject);
    return subjectExportOf(tenantId, subject, await this.openForRead(records), forgotten);
  }

  #personalData(): PersonalData {
    if (this.#personal === undefined)
      throw new Error("personal data is not enabled on this store (personalData option)");
    return this.#personal;
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
export { aesGcmCipher, newKeyMaterial } from "./personal-data/aes-gcm-cipher.js";
export { createInMemoryKeyStore, type InMemoryKeyStore } from "./personal-data/key-store.js";
export {
  createInMemorySessionBookings,
  type InMemorySessionBookings,
  type InMemorySessionBookingsOptions,
} from "./session-bookings.js";
export {
  createInMemoryTicketQueries,
  type InMemoryTicketQueries,
  type InMemoryTicketQueriesOptions,
} from "./ticket-queries.js";
export * from "./timers.js";
