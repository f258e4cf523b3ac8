/**
 * Helpers for the read-side suites: a fixed workload, appending a workload's log to a store,
 * catching a table set up (bounded), the pure read models of a log, and the check that every
 * SQL read (queue under each filter, statistics, duration summaries) equals the pure one.
 */
import {
  createStatisticsProjection,
  createWorkQueueProjection,
  type RecordedEvent,
  summariseDurations,
  tenantStatistics,
  type WorkQueueFilter,
} from "@ticketfold/core";
import { workloadArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { expect } from "vitest";
import {
  catchUpReadSide,
  type PostgresEventStore,
  readDurationSummaries,
  readStatistics,
  readWorkQueue,
} from "./index.js";

export type Log = readonly RecordedEvent[];
/** A fixed workload of at least 12 events. */
export const sampleWorkload = (seed: number) =>
  fc.sample(
    workloadArb.filter((w) => w.log.length >= 12),
    { numRuns: 1, seed },
  )[0]!;

/**
 * Appends the log's events in log order (one append per event, so tickets interleave);
 * returns the store's checkpoint of the last one.
 */
export const appendLog = async (store: PostgresEventStore, log: Log): Promise<string | null> => {
  let last: string | null = null;
  for (const e of log) {
    const { tenantId, streamId, version, position: _p, recordedAt: _r, ...event } = e;
    const done = await store.appendToStream(tenantId, streamId, [event], { expectedVersion: version - 1 });
    last = done.events.at(-1)?.position ?? last;
  }
  return last;
};

/**
 * Catches a set up until it has applied `count` events in all. On a shared server, read-all
 * holds back events behind other sessions' open transactions (never loses them), so a single
 * catch-up may stop short: go on, bounded in time.
 */
export const catchUp = async (
  store: PostgresEventStore,
  version: number,
  count: number,
  batchSize = 7,
): Promise<void> => {
  let applied = 0;
  const until = Date.now() + 15_000;
  while (applied < count) {
    applied += (await catchUpReadSide(store, version, { policies: workloadPolicies, batchSize })).events;
    if (Date.now() > until) throw new Error(`caught up only ${applied} of ${count} events`);
    if (applied < count) await new Promise((r) => setTimeout(r, 20));
  }
};

export const pureOf = (log: Log) => {
  const queue = createWorkQueueProjection(workloadPolicies);
  const stats = createStatisticsProjection(workloadPolicies);
  if (queue.applyAll(log)._tag === "Left" || stats.applyAll(log)._tag === "Left") throw new Error("clean workload");
  return { queue, stats: stats.statistics };
};

export const FILTERS: WorkQueueFilter[] = ["t1", "t2"].flatMap((tenant) => [
  { tenant },
  { tenant, organisation: "Acme" },
  { tenant, assignee: null },
  { tenant, assignee: "agent-1" },
  { tenant, status: ["open", "awaiting-customer"] },
  { tenant, vipOnly: true },
]);

/** Every SQL read equals the pure read model of `log`. */
export const expectSqlEqualsPure = async (store: PostgresEventStore, log: Log): Promise<void> => {
  const pure = pureOf(log);
  const schema = store.schema.name;
  for (const filter of FILTERS) {
    expect(await readWorkQueue(store.driver, filter, { schema }), JSON.stringify(filter)).toEqual(
      pure.queue.query(filter),
    );
  }
  expect(await readWorkQueue(store.driver, { tenant: "t1" }, { schema, limit: 3 })).toEqual(
    pure.queue.query({ tenant: "t1" }, 3),
  );
  for (const tenant of ["t1", "t2"]) {
    const groups = tenantStatistics(pure.stats, tenant);
    expect(await readStatistics(store.driver, { tenant, schema })).toEqual(groups);
    expect(await readDurationSummaries(store.driver, { tenant, schema })).toEqual(
      groups.map((g) => ({
        customer: g.customer,
        responseTime: summariseDurations(g.responseTimes),
        resolutionTime: summariseDurations(g.resolutionTimes),
      })),
    );
  }
};
