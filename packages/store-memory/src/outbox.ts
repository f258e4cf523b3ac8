/**
 * The in-memory outbox, with the behaviour of the PostgreSQL one (docs/design/event-store.md#outbox):
 * entries keyed by intent id, due at the intent's `notBefore` (quiet hours) and then at their
 * retry time, claimed under a lease, settled only by the lease holder, every attempt logged.
 * `InMemoryOutboxStore` is the in-memory EventStore that also implements `OutboxStore`: an
 * append writes its events, its outbox entries and the ticket's wake-up all or nothing, as the
 * PostgreSQL store's one transaction does: everything that can fail (the input rules, the
 * expected version, copying the intents) runs before the first write.
 */
import {
  type AppendResult,
  type AppendWithOutboxOptions,
  type ClaimedIntent,
  type ClaimRequest,
  type DeliveryAttempt,
  ERASED,
  type EventStore,
  erasedIntent,
  isForSubjectOnly,
  type NewEvent,
  type NotificationIntent,
  type OutboxEntry,
  type OutboxQueue,
  type OutboxStore,
  type ReadAllOptions,
  type ReadAllResult,
  type Settlement,
  type StreamRead,
  type SubjectExport,
  type SubjectForgotten,
  storableAttempts,
  storableSettlement,
  validateAppendInput,
  validateClaimRequest,
  validateOutboxAppend,
} from "@ticketfold/core";
import { createInMemoryEventStore, type InMemoryEventStore, type InMemoryStoreOptions } from "./index.js";
import { createInMemoryTimers } from "./timers.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The dead-letter reason of a notice whose only recipient was forgotten. */
export const FORGOTTEN = "not sent: its recipient was forgotten (GDPR erasure)";

export class InMemoryOutbox implements OutboxQueue {
  readonly #entries = new Map<string, OutboxEntry>();
  readonly #attempts: DeliveryAttempt[] = [];

  /** @deprecated Use `createInMemoryOutbox()`; `new` keeps working until 1.0. */
  // biome-ignore lint/complexity/noUselessConstructor: it carries the deprecation of `new`.
  constructor() {}

  /** Adds intents; an id already present is left as it is (a replayed append). */
  add(intents: readonly NotificationIntent[]): void {
    this.stage(intents)();
  }

  /** Copies the intents into new entries now (this may throw); the returned step adds them and cannot. */
  stage(intents: readonly NotificationIntent[]): () => void {
    const staged = intents.map((given): OutboxEntry => {
      const intent = copy(given);
      return {
        intent,
        status: "pending",
        attempts: 0,
        channelsDone: [],
        nextAttemptAt: intent.notBefore ?? intent.at,
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
      };
    });
    return () => {
      for (const entry of staged) if (!this.#entries.has(entry.intent.id)) this.#entries.set(entry.intent.id, entry);
    };
  }

  /** Entries in the order they were written, optionally one status only. */
  entries(status?: OutboxEntry["status"]): OutboxEntry[] {
    return [...this.#entries.values()].filter((e) => status === undefined || e.status === status).map(copy);
  }

  /** The attempt log, optionally for one intent. */
  attempts(intentId?: string): DeliveryAttempt[] {
    return this.#attempts.filter((a) => intentId === undefined || a.intentId === intentId).map(copy);
  }

  /**
   * Purges a forgotten subject from the notices of its tickets: personal values erased
   * (core `erasedIntent`), notices for the requester alone no longer sent, attempt errors erased.
   */
  forgetSubject(tenantId: string, ticketIds: readonly string[], subject: string): void {
    const tickets = new Set(ticketIds);
    const purged = new Set<string>();
    for (const [id, entry] of this.#entries) {
      if (entry.intent.tenantId !== tenantId || !tickets.has(entry.intent.ticketId)) continue;
      purged.add(id);
      const stop = entry.status === "pending" && isForSubjectOnly(entry.intent);
      this.#entries.set(id, {
        ...entry,
        intent: erasedIntent(entry.intent, subject),
        ...(stop ? { status: "dead" as const, lastError: FORGOTTEN, lockedBy: null, lockedUntil: null } : {}),
        ...(entry.lastError === null || stop ? {} : { lastError: ERASED }),
      });
    }
    for (const [i, a] of this.#attempts.entries()) {
      if (purged.has(a.intentId) && a.error !== undefined) this.#attempts[i] = { ...a, error: ERASED };
    }
  }

  async claim(request: ClaimRequest): Promise<ClaimedIntent[]> {
    const invalid = validateClaimRequest(request);
    if (invalid) throw invalid;
    const { now, owner, leaseMs, limit } = request;
    const due = [...this.#entries.values()]
      .filter(
        (e) => e.status === "pending" && e.nextAttemptAt <= now && (e.lockedUntil === null || e.lockedUntil <= now),
      )
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
      .slice(0, Math.max(0, limit));
    return due.map((e) => {
      this.#entries.set(e.intent.id, { ...e, lockedBy: owner, lockedUntil: now + leaseMs });
      return { intent: copy(e.intent), attempts: e.attempts, channelsDone: [...e.channelsDone] };
    });
  }

  async settle(
    claimed: ClaimedIntent,
    owner: string,
    given: readonly DeliveryAttempt[],
    outcome: Settlement,
  ): Promise<boolean> {
    // Text PostgreSQL cannot hold is kept as the PostgreSQL store keeps it.
    const attempts = storableAttempts(given);
    const settlement = storableSettlement(outcome);
    // The attempts happened whoever holds the entry now: the log keeps them all.
    this.#attempts.push(...attempts.map(copy));
    const entry = this.#entries.get(claimed.intent.id);
    if (!entry || entry.lockedBy !== owner || entry.status !== "pending") return false;
    const delivered = attempts.filter((a) => a.outcome === "delivered").map((a) => a.channel);
    this.#entries.set(entry.intent.id, {
      ...entry,
      status: settlement.status === "retry" ? "pending" : settlement.status,
      attempts: entry.attempts + 1,
      channelsDone: [...new Set([...entry.channelsDone, ...delivered])],
      nextAttemptAt: settlement.status === "retry" ? settlement.retryAt : entry.nextAttemptAt,
      lastError: settlement.status === "delivered" ? null : settlement.error,
      lockedBy: null,
      lockedUntil: null,
    });
    return true;
  }
}

/**
 * The in-memory EventStore with an outbox and a timer table, written together with each
 * append. It wraps an `InMemoryEventStore` (made on construction, so this module can be
 * re-exported by the package index that defines it).
 */
export class InMemoryOutboxStore implements OutboxStore {
  readonly events: InMemoryEventStore;
  readonly outbox = createInMemoryOutbox();
  readonly timers = createInMemoryTimers();

  /** @deprecated Use `createInMemoryOutboxStore(options)`; `new` keeps working until 1.0. */
  constructor(options?: InMemoryStoreOptions) {
    this.events = createInMemoryEventStore(options);
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
    const invalid =
      validateAppendInput(tenantId, streamId, options.expectedVersion, events) ?? validateOutboxAppend(options);
    if (invalid) throw invalid;
    const sealed = await this.events.sealForAppend(tenantId, streamId, events, options.expectedVersion);
    // Everything that can fail happens first, with no await between it and the writes.
    const append = this.events.stageAppend(tenantId, streamId, sealed, options.expectedVersion);
    const addIntents = this.outbox.stage(options.outbox);
    const wakeUp = options.wakeUp;
    const result = append.commit();
    addIntents();
    if (wakeUp !== undefined) this.timers.schedule(tenantId, streamId, wakeUp);
    return { ...result, events: await this.events.openForRead(result.events) };
  }

  /** Forgets a subject: deletes its key and purges its tickets' notices (needs `personalData`). */
  async forgetSubject(tenantId: string, subject: string, at?: number): Promise<SubjectForgotten> {
    const fact = await this.events.forgetSubject(tenantId, subject, at);
    this.outbox.forgetSubject(tenantId, this.events.streamsOfSubject(tenantId, subject), subject);
    return fact;
  }

  /** Everything the store holds (events as stored, notices, attempts), as JSON: what an audit would see. */
  heldData(): string {
    return JSON.stringify([this.events.heldData(), this.outbox.entries(), this.outbox.attempts()]);
  }

  /** Everything held about a subject (needs `personalData`). */
  exportSubject(tenantId: string, subject: string): Promise<SubjectExport> {
    return this.events.exportSubject(tenantId, subject);
  }
}

/** An empty in-memory outbox (entries and the attempt log). */
export const createInMemoryOutbox = (): InMemoryOutbox => new InMemoryOutbox();

/** An empty in-memory event store with an outbox and a timer table. */
export const createInMemoryOutboxStore = (options?: InMemoryStoreOptions): InMemoryOutboxStore =>
  new InMemoryOutboxStore(options);
