/**
 * Consumers of the global log with durable checkpoints. Each batch is one transaction: lock
 * the consumer's checkpoint row, read the next page after it (gap-free, see read-all.ts), run
 * the handler with that transaction, store the new checkpoint, commit. So whatever the handler
 * writes through `context.tx` commits together with the checkpoint: effectively exactly-once.
 * Effects outside the database (mail, HTTP) are at-least-once: a crash after them and before
 * the commit replays the batch, so they need an idempotency key (the event id).
 * The row lock also means two processes running the same consumer take turns, never sharing
 * a batch. LISTEN/NOTIFY only wakes a sleeping consumer early; polling is the source of truth.
 * A partitioned consumer (partition.ts) reads its share of the log with a checkpoint row of its
 * own, and holds the whole consumer's row in share mode while it works, so whatever locks that
 * row for update (the read side's backfill and switch) waits for every partition's batch.
 */
import {
  type Checkpoint,
  InvalidStoreInput,
  type RecordedEvent,
  validateStoreKey,
  validateTenantId,
  validateWhole,
} from "@ticketfold/core";
import { parseCheckpoint } from "./checkpoint.js";
import { ensureConsumer, readConsumerCheckpoint, storeConsumerCheckpoint } from "./consumers.js";
import type { SqlDriver, SqlExecutor, Unlisten } from "./driver.js";
import { type LogPartition, validatePartition } from "./partition.js";
import { ensurePartitionConsumer } from "./partition-checkpoints.js";
import { readAllWith } from "./read-all.js";
import type { StoreSchema } from "./schema.js";

export interface SubscriptionContext {
  /** The batch's transaction: write read models here to commit them with the checkpoint. */
  readonly tx: SqlExecutor;
  readonly consumer: string;
  /** The consumer's checkpoint once this batch commits. */
  readonly checkpoint: Checkpoint | null;
}

export interface SubscribeOptions {
  /** Names the durable checkpoint (together with `tenantId`): 1–256 characters. */
  readonly consumer: string;
  /** Handles one batch, in log order. Throwing rolls the batch back and stops the subscription. */
  readonly handler: (events: readonly RecordedEvent[], context: SubscriptionContext) => Promise<void>;
  /** Only this tenant's events (a checkpoint of its own, apart from the all-tenants one). */
  readonly tenantId?: string;
  /**
   * Only partition `index` of `count` (by ticket or by tenant), with a checkpoint of its own per
   * partition count; run one subscription per index, in any processes (docs/scaling.md).
   */
  readonly partition?: LogPartition;
  /** Events per batch (default 100). */
  readonly batchSize?: number;
  /** Milliseconds between polls when caught up (default 500). */
  readonly pollInterval?: number;
  /** Stops the subscription; the returned promise then resolves. */
  readonly signal: AbortSignal;
}

/** Subscription options the store refuses (as every store refuses input), naming the option. */
export const validateSubscription = (o: SubscribeOptions): InvalidStoreInput | undefined =>
  validateStoreKey(o.consumer, "options.consumer") ??
  (o.tenantId === undefined ? undefined : validateTenantId(o.tenantId, "options.tenantId")) ??
  (o.partition === undefined ? undefined : validatePartition(o.partition, "options.partition")) ??
  (o.batchSize === undefined ? undefined : validateWhole(o.batchSize, "options.batchSize", 1)) ??
  // setTimeout takes at most 2^31 - 1 ms; a longer wait would fire at once.
  (o.pollInterval === undefined ? undefined : validateWhole(o.pollInterval, "options.pollInterval", 0, 2 ** 31 - 1)) ??
  (typeof o.signal?.aborted === "boolean" && typeof o.signal.addEventListener === "function"
    ? undefined
    : new InvalidStoreInput("options.signal", "must be an AbortSignal"));

/** Holds the whole consumer's row in share mode for the batch (partitions do not block each other). */
const shareConsumerRow = async (tx: SqlExecutor, s: StoreSchema, consumer: string, tenantId: string | undefined) => {
  const scope = tenantId === undefined ? "tenant IS NULL" : "tenant = $2";
  await tx.query(
    `SELECT 1 FROM ${s.consumers} WHERE consumer = $1 AND ${scope} FOR SHARE`,
    tenantId === undefined ? [consumer] : [consumer, tenantId],
  );
};

/** What a wait cut short by the signal yields. */
export const ABORTED = Symbol("aborted");

/** `promise`, or ABORTED as soon as `signal` aborts (the promise itself runs on). */
export const unlessAborted = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> => {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
};

/**
 * The checkpoint row a subscription moves: the consumer's own (each batch makes it), or its
 * partition's, made here once. Like a batch, the making is left behind when the signal aborts
 * while it waits for a connection.
 */
const checkpointRow = async (driver: SqlDriver, s: StoreSchema, o: SubscribeOptions) => {
  const partition = o.partition;
  if (partition === undefined) return o.consumer;
  const making = driver.transaction(async (tx) => {
    await ensureConsumer(tx, s, o.consumer, o.tenantId);
    return ensurePartitionConsumer(tx, s, o.consumer, o.tenantId, partition);
  });
  making.catch(() => {});
  return unlessAborted(making, o.signal);
};

/**
 * Handles the next batch in one transaction; true when the consumer has caught up. A batch
 * still waiting for a connection when the signal aborts is left behind (it does nothing once
 * it gets one); a batch already running is waited for, so a handler never runs after
 * `subscribe` has returned.
 */
const runBatch = async (driver: SqlDriver, s: StoreSchema, o: SubscribeOptions, row: string, batchSize: number) => {
  let started = false;
  const batch = driver.transaction(async (tx) => {
    if (o.signal.aborted) return true;
    started = true;
    if (o.partition === undefined) await ensureConsumer(tx, s, o.consumer, o.tenantId);
    else await shareConsumerRow(tx, s, o.consumer, o.tenantId);
    // Locking returns the newest checkpoint: another process running this consumer may have
    // moved it while we waited for the lock.
    const after = await readConsumerCheckpoint(tx, s, row, o.tenantId, true);
    const page = await readAllWith(
      tx,
      s,
      { after, limit: batchSize, ...(o.tenantId === undefined ? {} : { tenantId: o.tenantId }) },
      o.partition,
    );
    if (page.events.length === 0) return page.isEnd;
    await o.handler(page.events, { tx, consumer: o.consumer, checkpoint: page.checkpoint });
    await storeConsumerCheckpoint(tx, s, row, o.tenantId, parseCheckpoint(page.checkpoint));
    return page.isEnd;
  });
  const result = await unlessAborted(batch, o.signal);
  if (result !== ABORTED) return result;
  if (started) return batch;
  batch.catch(() => {}); // left behind: it can only fail as its connection does
  return true;
};

/**
 * LISTEN for appends, as a hint: when the driver cannot (no LISTEN, no connection to spare),
 * the consumer polls; when the signal aborts first, it does not wait.
 */
const listenForAppends = async (
  driver: SqlDriver,
  s: StoreSchema,
  o: SubscribeOptions,
  wake: () => void,
): Promise<Unlisten | undefined> => {
  if (!driver.listen) return undefined;
  const listening = driver.listen(s.channel, (tenant) => {
    if (o.tenantId === undefined || tenant === o.tenantId) wake();
  });
  const unlisten = await unlessAborted(listening, o.signal).catch(() => undefined);
  if (unlisten !== ABORTED) return unlisten;
  void listening.then(
    (late) => late(),
    () => {},
  );
  return undefined;
};

/** Wakes a sleeping consumer early; remembers a wake-up that came while it was busy. */
const wakeUp = () => {
  let pending = false;
  let wake: (() => void) | undefined;
  return {
    notify(): void {
      pending = true;
      wake?.();
    },
    sleep(ms: number, signal: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        if (pending || signal.aborted) {
          pending = false;
          resolve();
          return;
        }
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          wake = undefined;
          pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener("abort", done, { once: true });
        wake = done;
      });
    },
  };
};

/** Runs a consumer until `signal` aborts (resolves) or its handler throws (rejects). */
export const runSubscription = async (driver: SqlDriver, s: StoreSchema, o: SubscribeOptions): Promise<void> => {
  const batchSize = o.batchSize ?? 100;
  const pollInterval = o.pollInterval ?? 500;
  const wake = wakeUp();
  const row = await checkpointRow(driver, s, o);
  if (row === ABORTED) return;
  const unlisten = await listenForAppends(driver, s, o, () => wake.notify());
  try {
    while (!o.signal.aborted) {
      const caughtUp = await runBatch(driver, s, o, row, batchSize);
      if (caughtUp) await wake.sleep(pollInterval, o.signal);
    }
  } finally {
    await unlisten?.();
  }
};
