/**
 * Reading the whole log from zero, at a log size: a catch-up (`readAll` pages of 1,000, as a
 * new subscriber does) on each store, and a rebuild of the read side: a new table set built
 * from the start of the log, batch by batch, exactly as the runner's catch-up does it (the
 * consumer's row lock, a gap-free page, `projectBatch`, the checkpoint, one transaction per
 * batch). Both stop at the end of the log or when their time budget is spent; the rate is
 * events per second over what was read, and the time for the whole log is extrapolated from
 * it when the budget ran out (and said so).
 */
import { parseCheckpoint } from "../../../packages/store-postgres/src/checkpoint.js";
import {
  ensureConsumer,
  readConsumerCheckpoint,
  storeConsumerCheckpoint,
} from "../../../packages/store-postgres/src/consumers.js";
import {
  createReadSideVersion,
  dropReadSideVersion,
  ensureReadSide,
  type PostgresEventStore,
  readSideTables,
} from "../../../packages/store-postgres/src/index.js";
import { readAllWith } from "../../../packages/store-postgres/src/read-all.js";
import { projectBatch } from "../../../packages/store-postgres/src/read-side/project.js";
import type { Contender } from "../postgres/workload.js";
import { scalePolicies } from "./templates.js";

export interface ReadRate {
  readonly events: number;
  readonly seconds: number;
  readonly complete: boolean;
  readonly rate: number;
}

const rateOf = (events: number, ms: number, complete: boolean): ReadRate => ({
  events,
  seconds: ms / 1000,
  complete,
  rate: events / (ms / 1000),
});

/** A catch-up read of the log from zero on one store. */
export const timeCatchUp = async (
  c: Contender,
  budgetMs: number,
  countDistinct: boolean,
): Promise<ReadRate & { distinct: number }> => {
  const t = performance.now();
  const r = await c.catchUp(1000, { budgetMs, countDistinct });
  return { ...rateOf(r.read, performance.now() - t, r.complete), distinct: r.distinct };
};

export const REBUILD_BATCH = 500;

/** One batch of the rebuild: the read-side runner's batch (runner.ts), on set `version`. */
const rebuildBatch = (store: PostgresEventStore, version: number) =>
  store.driver.transaction(async (tx) => {
    const s = store.schema;
    const t = readSideTables(s, version);
    await ensureConsumer(tx, s, t.consumer, undefined);
    const after = await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    const page = await readAllWith(tx, s, { after, limit: REBUILD_BATCH });
    if (page.events.length === 0) return { events: 0, isEnd: page.isEnd };
    await projectBatch(tx, s, t, page.events, scalePolicies);
    await storeConsumerCheckpoint(tx, s, t.consumer, undefined, parseCheckpoint(page.checkpoint));
    return { events: page.events.length, isEnd: page.isEnd };
  });

let nextSet = 2;

/**
 * Builds a new read-side table set from the start of the log until the end or the budget;
 * drops it afterwards (the active set, v1, is left alone). Returns the rate and how many
 * queue entries the new set held.
 */
export const timeRebuild = async (
  store: PostgresEventStore,
  budgetMs: number,
): Promise<ReadRate & { queued: number }> => {
  await ensureReadSide(store);
  const version = nextSet++;
  await createReadSideVersion(store, version);
  const t = performance.now();
  let events = 0;
  let complete = false;
  while (performance.now() - t < budgetMs) {
    const batch = await rebuildBatch(store, version);
    events += batch.events;
    if (batch.isEnd) {
      complete = true;
      break;
    }
  }
  const ms = performance.now() - t;
  const { rows } = await store.driver.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${readSideTables(store.schema, version).workQueue}`,
  );
  await dropReadSideVersion(store, version);
  return { ...rateOf(events, ms, complete), queued: Number(rows[0]?.n ?? 0) };
};
