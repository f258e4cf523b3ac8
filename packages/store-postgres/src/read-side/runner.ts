/**
 * Running the read-side projection as a durable consumer of the log. `runReadSide` keeps the
 * active table set up to date through the store's own `subscribe` (each batch's rows and its
 * checkpoint commit in one transaction) and follows a switch to a new set. `catchUpReadSide`
 * reads a set's consumer forward until the end of the log and returns, for rebuilds and
 * tests; its batch is the subscription's batch (same consumer row, lock, gap-free read and
 * checkpoint), run in a loop that stops at the end instead of polling.
 */
import type { PolicyLookup } from "@ticketfold/core";
import { parseCheckpoint } from "../checkpoint.js";
import { ensureConsumer, readConsumerCheckpoint, storeConsumerCheckpoint } from "../consumers.js";
import type { LogPartition } from "../partition.js";
import { readAllWith } from "../read-all.js";
import type { PostgresEventStore } from "../store.js";
import { isReadSideSwitched, ReadSideSwitched } from "./errors.js";
import { projectBatch } from "./project.js";
import { backfillQueueClocks } from "./queue-clocks.js";
import { backfillReportFacts } from "./report-facts.js";
import { readSideTables } from "./tables.js";
import { backfillTicketList } from "./ticket-list-backfill.js";
import { activeVersionWith, ensureReadSide } from "./versions.js";

export interface ReadSideOptions {
  /** The compiled policy of each policy id tickets name (an unknown one stops the projection). */
  readonly policies: PolicyLookup;
  /** Events per batch (default 100). */
  readonly batchSize?: number;
}

const runBatch = (store: PostgresEventStore, version: number, o: ReadSideOptions) =>
  store.driver.transaction(async (tx) => {
    const s = store.schema;
    const t = readSideTables(s, version);
    await ensureConsumer(tx, s, t.consumer, undefined);
    const after = await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    const page = await readAllWith(tx, s, { after, limit: o.batchSize ?? 100 });
    if (page.events.length === 0) return { events: 0, isEnd: page.isEnd };
    await projectBatch(tx, s, t, page.events, o.policies);
    await storeConsumerCheckpoint(tx, s, t.consumer, undefined, parseCheckpoint(page.checkpoint));
    return { events: page.events.length, isEnd: page.isEnd };
  });

/** Brings table set `version` up to the end of the log; returns how many events it applied. */
export const catchUpReadSide = async (
  store: PostgresEventStore,
  version: number,
  options: ReadSideOptions,
): Promise<{ readonly events: number }> => {
  let events = 0;
  await backfillTicketList(store, version, options.policies);
  await backfillReportFacts(store, version, options.policies);
  await backfillQueueClocks(store, version, options.policies);
  for (;;) {
    const batch = await runBatch(store, version, options);
    events += batch.events;
    if (batch.isEnd) return { events };
  }
};

/**
 * Keeps the active table set up to date until `signal` aborts (resolves) or a batch fails
 * (rejects, after rolling the batch back). When a switch makes another set active, the batch
 * in hand is rolled back and the projection carries on with the new set's consumer. With
 * `partition`, it projects only that partition's tickets: run partitions 0 … count-1 (in one
 * process or several) and together they project every event once (docs/scaling.md).
 */
export const runReadSide = async (
  store: PostgresEventStore,
  options: ReadSideOptions & {
    readonly signal: AbortSignal;
    readonly pollInterval?: number;
    /** This runner's share of the tickets (default: all of them). */
    readonly partition?: LogPartition;
  },
): Promise<void> => {
  await ensureReadSide(store);
  while (!options.signal.aborted) {
    const version = (await activeVersionWith(store.driver, store.schema)) ?? (await ensureReadSide(store));
    const tables = readSideTables(store.schema, version);
    await backfillTicketList(store, version, options.policies);
    await backfillReportFacts(store, version, options.policies);
    await backfillQueueClocks(store, version, options.policies);
    try {
      await store.subscribe({
        consumer: tables.consumer,
        signal: options.signal,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval }),
        ...(options.partition === undefined ? {} : { partition: options.partition }),
        handler: async (events, { tx }) => {
          const active = await activeVersionWith(tx, store.schema);
          if (active !== version) throw new ReadSideSwitched(version, active);
          await projectBatch(tx, store.schema, tables, events, options.policies);
        },
      });
    } catch (error) {
      if (!isReadSideSwitched(error)) throw error;
    }
  }
};
