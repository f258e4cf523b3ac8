/**
 * The read side on a backend: on random workloads the SQL work queue equals the core's pure
 * queue (same filters, same order) and the SQL statistics equal the pure reducer's; a failing
 * batch rolls its rows back with its checkpoint; the live runner keeps the queue current and
 * follows a switch; a rebuild builds a new table set while the old one serves, switches only
 * once caught up, and drops the old set.
 */
import {
  type RecordedEvent,
  StatisticsProjection,
  summariseDurations,
  tenantStatistics,
  type WorkQueueFilter,
  WorkQueueProjection,
} from "@ticketfold/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import { workloadArb, workloadPolicies } from "../../core/src/projections/__tests__/workload.js";
import {
  activeReadSideVersion,
  catchUpReadSide,
  createReadSideVersion,
  dropReadSideVersion,
  ensureReadSide,
  isReadSideNotCaughtUp,
  isReadSideVersionActive,
  type PostgresEventStore,
  queryWorkQueue,
  readDurationSummaries,
  readSideTables,
  readStatistics,
  rebuildReadSide,
  runReadSide,
  switchReadSide,
  workQueueSql,
} from "../src/index.js";
import type { TestBackend } from "./target.js";

type Log = readonly RecordedEvent[];
/** A fixed workload of at least 12 events. */
const sampleWorkload = (seed: number) =>
  fc.sample(
    workloadArb.filter((w) => w.log.length >= 12),
    { numRuns: 1, seed },
  )[0]!;

/**
 * Appends the log's events in log order (one append per event, so tickets interleave);
 * returns the store's checkpoint of the last one.
 */
const appendLog = async (store: PostgresEventStore, log: Log): Promise<string | null> => {
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
const catchUp = async (store: PostgresEventStore, version: number, count: number, batchSize = 7): Promise<void> => {
  let applied = 0;
  const until = Date.now() + 15_000;
  while (applied < count) {
    applied += (await catchUpReadSide(store, version, { policies: workloadPolicies, batchSize })).events;
    if (Date.now() > until) throw new Error(`caught up only ${applied} of ${count} events`);
    if (applied < count) await new Promise((r) => setTimeout(r, 20));
  }
};

const pureOf = (log: Log) => {
  const queue = new WorkQueueProjection(workloadPolicies);
  const stats = new StatisticsProjection(workloadPolicies);
  if (queue.applyAll(log)._tag === "Left" || stats.applyAll(log)._tag === "Left") throw new Error("clean workload");
  return { queue, stats: stats.statistics };
};

const FILTERS: WorkQueueFilter[] = ["t1", "t2"].flatMap((tenant) => [
  { tenant },
  { tenant, organisation: "Acme" },
  { tenant, assignee: null },
  { tenant, assignee: "agent-1" },
  { tenant, status: ["open", "awaiting-customer"] },
  { tenant, vipOnly: true },
]);

/** Every SQL read equals the pure read model of `log`. */
const expectSqlEqualsPure = async (store: PostgresEventStore, log: Log): Promise<void> => {
  const pure = pureOf(log);
  const schema = store.schema.name;
  for (const filter of FILTERS) {
    expect(await queryWorkQueue(store.driver, filter, { schema }), JSON.stringify(filter)).toEqual(
      pure.queue.query(filter),
    );
  }
  expect(await queryWorkQueue(store.driver, { tenant: "t1" }, { schema, limit: 3 })).toEqual(
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

export const readSideSuite = (getBackend: () => TestBackend, runs: number): void => {
  it("on random workloads, the SQL queue and statistics equal the pure ones", async () => {
    await fc.assert(
      fc.asyncProperty(workloadArb, async ({ log }) => {
        const { store, cleanup } = await getBackend().freshStore();
        try {
          const version = await ensureReadSide(store);
          await appendLog(store, log);
          await catchUp(store, version, log.length);
          await expectSqlEqualsPure(store, log);
        } finally {
          await cleanup();
        }
      }),
      { numRuns: runs },
    );
  }, 180_000);

  it("a batch that fails rolls back its rows with its checkpoint; the next run applies it", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(7);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      const blind = catchUpReadSide(store, v, { policies: () => undefined });
      await expect(blind).rejects.toMatchObject({ code: "UNKNOWN_POLICY" });
      expect(await store.consumerCheckpoint(readSideTables(store.schema, v).consumer)).toBeNull();
      expect((await store.driver.query(`SELECT * FROM "${store.schema.name}".ticket_facts`)).rows).toEqual([]);
      await catchUp(store, v, log.length);
      await expectSqlEqualsPure(store, log);
    } finally {
      await cleanup();
    }
  });

  it("the live runner keeps the queue current and follows a rebuild's switch", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    const controller = new AbortController();
    try {
      const { log } = sampleWorkload(11);
      const half = Math.floor(log.length / 2);
      const running = runReadSide(store, { policies: workloadPolicies, signal: controller.signal, pollInterval: 20 });
      const settled = running.then(
        () => "stopped",
        (e: unknown) => e,
      );
      /** Waits (bounded) until the active set's consumer has read up to `position`. */
      const reached = async (position: string | null) => {
        for (const until = Date.now() + 20_000; ; ) {
          const active = (await activeReadSideVersion(store.driver, store.schema)) ?? 1;
          const at = await store.consumerCheckpoint(readSideTables(store.schema, active).consumer);
          if (at === position) return;
          if (Date.now() > until)
            throw new Error(`live runner stuck at ${at}: ${String(await Promise.race([settled, "running"]))}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await reached(null);
      await reached(await appendLog(store, log.slice(0, half)));
      await expectSqlEqualsPure(store, log.slice(0, half));
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies });
      expect(rebuilt).toMatchObject({ from: 1, to: 2 });
      await reached(await appendLog(store, log.slice(half)));
      expect(await activeReadSideVersion(store.driver, store.schema)).toBe(2);
      await expectSqlEqualsPure(store, log);
      controller.abort();
      expect(await settled).toBe("stopped");
    } finally {
      controller.abort();
      await cleanup();
    }
  });

  it("a rebuild builds a new set while the old one serves, switches once caught up, and drops the old set", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(3);
      const [a, b, c] = [Math.floor(log.length / 3), Math.floor((2 * log.length) / 3), log.length];
      const s = store.schema;
      expect(await ensureReadSide(store)).toBe(1);
      await appendLog(store, log.slice(0, a));
      await catchUp(store, 1, a);

      // v2 builds from the start of the log; v1 keeps answering, and keeps being fed.
      await createReadSideVersion(store, 2);
      await catchUp(store, 2, a);
      await expectSqlEqualsPure(store, log.slice(0, a));
      await appendLog(store, log.slice(a, b));
      await catchUp(store, 1, b - a);
      await expectSqlEqualsPure(store, log.slice(0, b));

      // Not caught up: the switch is refused and v1 stays active.
      await expect(switchReadSide(store, 2)).rejects.toSatisfy(isReadSideNotCaughtUp);
      expect(await activeReadSideVersion(store.driver, s)).toBe(1);
      await catchUp(store, 2, b - a);
      await switchReadSide(store, 2);
      expect(await activeReadSideVersion(store.driver, s)).toBe(2);
      await expectSqlEqualsPure(store, log.slice(0, b));
      await expect(dropReadSideVersion(store, 2)).rejects.toSatisfy(isReadSideVersionActive);
      await dropReadSideVersion(store, 1);
      const gone = await store.driver.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
        readSideTables(s, 1).workQueue,
      ]);
      expect(gone.rows[0]?.t).toBeNull();

      // The one-call rebuild: v3 from the start, the switch, v2 dropped.
      await appendLog(store, log.slice(b, c));
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies });
      expect(rebuilt).toMatchObject({ from: 2, to: 3 });
      expect(await activeReadSideVersion(store.driver, s)).toBe(3);
      // On a busy server some events may still be held back at the switch: they follow.
      await catchUp(store, 3, c - rebuilt.events);
      expect(
        (await store.driver.query(`SELECT to_regclass($1)::text AS t`, [readSideTables(s, 2).workQueue])).rows,
      ).toEqual([{ t: null }]);
      await expectSqlEqualsPure(store, log);
    } finally {
      await cleanup();
    }
  });

  it("readers keep getting the whole queue while a rebuild builds and switches", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(21);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      await catchUp(store, v, log.length);
      const expected = pureOf(log).queue.query({ tenant: "t1" });
      const schema = store.schema.name;
      let done = false;
      let reads = 0;
      const reader = (async () => {
        while (!done) {
          // Every read sees a complete set: the old one, or the new one once it has caught up.
          expect(await queryWorkQueue(store.driver, { tenant: "t1" }, { schema })).toEqual(expected);
          reads++;
        }
      })();
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies, batchSize: 5 }).finally(() => {
        done = true;
      });
      await reader;
      expect(rebuilt).toMatchObject({ from: 1, to: 2 });
      expect(reads).toBeGreaterThan(1);
      expect(await queryWorkQueue(store.driver, { tenant: "t1" }, { schema })).toEqual(expected);
    } finally {
      await cleanup();
    }
  });

  it.each<[string, WorkQueueFilter, RegExp]>([
    ["a tenant's queue", { tenant: "t1" }, /work_queue_order_v1/],
    ["an organisation's queue", { tenant: "t1", organisation: "Acme" }, /work_queue_organisation_v1/],
    ["an agent's queue", { tenant: "t1", assignee: "agent-1" }, /work_queue_assignee_v1/],
    // IS NULL is not an equality for ordering: the order index with a filter serves it.
    ["the unassigned queue", { tenant: "t1", assignee: null }, /work_queue_(order|assignee)_v1/],
  ])("%s is read in index order, without a sort", async (_name, filter, index) => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await ensureReadSide(store);
      const { sql, params } = workQueueSql(filter, { schema: store.schema.name, limit: 50 });
      // Without rows the planner would rather scan: forbid that to see which index serves the order.
      const plan = await store.driver.transaction(async (tx) => {
        await tx.query("SET LOCAL enable_seqscan = off");
        await tx.query("SET LOCAL enable_bitmapscan = off");
        return (await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]?.[
          "QUERY PLAN"
        ];
      });
      const text = JSON.stringify(plan);
      expect(text).toMatch(new RegExp(`"Index Name":"${index.source}"`));
      expect(text).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    } finally {
      await cleanup();
    }
  });
};
