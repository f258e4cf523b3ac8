/**
 * The read side on a backend: on random workloads the SQL work queue equals the core's pure
 * queue (same filters, same order) and the SQL statistics equal the pure reducer's; a failing
 * batch rolls its rows back with its checkpoint; the queue is served by its indexes, unsorted.
 */
import type { WorkQueueFilter } from "@ticketfold/core";
import { workloadArb } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { expect, it } from "vitest";
import { catchUpReadSide, ensureReadSide, readSideTables, workQueueSql } from "./index.js";
import { appendLog, catchUp, expectSqlEqualsPure, sampleWorkload } from "./read-side-support.test-support.js";
import type { TestBackend } from "./target.test-support.js";

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

  it.each<[string, WorkQueueFilter, RegExp]>([
    ["a tenant's queue", { tenant: "t1" }, /work_queue_tier_order_v1/],
    ["an organisation's queue", { tenant: "t1", organisation: "Acme" }, /work_queue_tier_organisation_v1/],
    ["an agent's queue", { tenant: "t1", assignee: "agent-1" }, /work_queue_tier_assignee_v1/],
    // IS NULL is not an equality for ordering: the order index with a filter serves it.
    ["the unassigned queue", { tenant: "t1", assignee: null }, /work_queue_tier_(order|assignee)_v1/],
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
