/**
 * Partitioned consumers on embedded PGlite: the database hashes an event to the same partition
 * as `partitionOf`; n partitions together see every event exactly once, a ticket's events all
 * in one partition and in log order; n read-side partitions project what one consumer would;
 * changing n starts the new partitions where every old one had got to, never at a point some
 * old partition had not reached.
 */
import type { RecordedEvent } from "@ticketfold/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { horizontalPolicy } from "./horizontal.test-support.js";
import { createPostgresDesk, ensureReadSide, partitionConsumer, partitionOf, readSideTables } from "./index.js";
import { runPartitions } from "./partition.test-support.js";
import { ensurePartitionConsumer, safeStart } from "./partition-checkpoints.js";
import { appendLog, expectSqlEqualsPure, sampleWorkload } from "./read-side-support.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("partition");
  await backend.driver.query("SELECT 1"); // PGlite starts here, not inside the first test
});
afterAll(() => backend?.close());
const current = (): TestBackend => {
  if (!backend) throw new Error("PGlite backend not started");
  return backend;
};

const id = fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }).filter((s) => !s.includes("\u0000"));

describe("partitions", () => {
  it("the database puts an event in the partition partitionOf names (by ticket and by tenant)", async () => {
    const { driver } = current();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(id, id), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        async (keys, count) => {
          const { rows } = await driver.query<{ ticket: number; tenant: number }>(
            `SELECT (('x' || substr(md5(k.t || chr(31) || k.s), 1, 8))::bit(32)::int & 2147483647) % $3 AS ticket,
            (('x' || substr(md5(k.t), 1, 8))::bit(32)::int & 2147483647) % $3 AS tenant
          FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(t, s, n) ORDER BY k.n`,
            [keys.map(([t]) => t), keys.map(([, st]) => st), count],
          );
          expect(rows.map((r) => Number(r.ticket))).toEqual(keys.map(([t, st]) => partitionOf(t, st, count)));
          expect(rows.map((r) => Number(r.tenant))).toEqual(keys.map(([t, st]) => partitionOf(t, st, count, "tenant")));
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);

  it.each([
    [3, "ticket"],
    [2, "tenant"],
  ] as const)("%i subscriptions by %s together see each event once, each ticket's in order", async (count, by) => {
    const { store, cleanup } = await current().freshStore();
    try {
      const { log } = sampleWorkload(11);
      await appendLog(store, log);
      const seen: { partition: number; event: RecordedEvent }[] = [];
      const controller = new AbortController();
      const running = Array.from({ length: count }, (_, index) =>
        store.subscribe({
          consumer: "c",
          partition: { index, count, by },
          signal: controller.signal,
          batchSize: 3,
          pollInterval: 10,
          handler: async (events) => {
            for (const event of events) seen.push({ partition: index, event });
          },
        }),
      );
      const until = Date.now() + 10_000;
      while (seen.length < log.length && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50)); // a duplicate would arrive now
      controller.abort();
      await Promise.all(running);
      const key = (e: RecordedEvent) => `${e.tenantId}/${e.streamId}/${e.version}`;
      expect(seen.map((s) => key(s.event)).sort()).toEqual(log.map(key).sort());
      for (const { partition, event } of seen) {
        expect(partition).toBe(partitionOf(event.tenantId, event.streamId, count, by));
      }
      const versions = new Map<string, number>();
      for (const { event } of seen) {
        const key = `${event.tenantId}/${event.streamId}`;
        expect(event.version).toBe((versions.get(key) ?? 0) + 1);
        versions.set(key, event.version);
      }
    } finally {
      await cleanup();
    }
  });

  it("three read-side partitions project what one consumer would", async () => {
    const { store, cleanup } = await current().freshStore();
    try {
      const { log } = sampleWorkload(5);
      await ensureReadSide(store);
      await appendLog(store, log);
      await runPartitions(store, 3);
      await expectSqlEqualsPure(store, log);
    } finally {
      await cleanup();
    }
  });

  it("from 2 partitions to 3: a new one starts at the lesser old checkpoint, and the result is whole", async () => {
    const { store, cleanup } = await current().freshStore();
    try {
      const { log } = sampleWorkload(9);
      const half = Math.floor(log.length / 2);
      const version = await ensureReadSide(store);
      await appendLog(store, log.slice(0, half));
      await runPartitions(store, 2);
      const consumer = readSideTables(store.schema, version).consumer;
      const old = await Promise.all(
        [0, 1].map((index) => store.consumerCheckpoint(partitionConsumer(consumer, { index, count: 2 }))),
      );
      await appendLog(store, log.slice(half));
      const seeded = await store.driver.transaction((tx) =>
        ensurePartitionConsumer(tx, store.schema, consumer, undefined, { index: 0, count: 3 }),
      );
      const [a, b] = old.map((c) => {
        const [tx, pos] = (c ?? "0:0").split(":").map(BigInt) as [bigint, bigint];
        return { c, tx, pos };
      }) as [{ c: string | null; tx: bigint; pos: bigint }, { c: string | null; tx: bigint; pos: bigint }];
      const lesser = a.tx < b.tx || (a.tx === b.tx && a.pos <= b.pos) ? a.c : b.c;
      expect(lesser).not.toBeNull();
      expect(await store.consumerCheckpoint(seeded)).toBe(lesser);
      await runPartitions(store, 3);
      await expectSqlEqualsPure(store, log);
    } finally {
      await cleanup();
    }
  });

  it("safeStart: the furthest lesser checkpoint of a complete set; an incomplete set counts for nothing", () => {
    const row = (consumer: string, tx: number, pos: number) => ({
      consumer,
      transaction_id: String(tx),
      global_position: String(pos),
    });
    const rows = [
      row("c", 5, 1),
      row("c#ticket:0/2", 9, 4),
      row("c#ticket:1/2", 8, 7),
      row("c#ticket:0/3", 20, 1), // 1/3 and 2/3 missing
      row("other#ticket:0/1", 99, 9),
    ];
    expect(safeStart("c", rows)).toEqual({ transactionId: "8", globalPosition: "7" });
    expect(safeStart("c", rows.slice(3))).toEqual({ transactionId: "0", globalPosition: "0" });
  });

  it("a desk with a read-side partition outside its count is refused before it touches the database", async () => {
    const { driver, schemaName } = current();
    const schema = schemaName();
    await expect(
      createPostgresDesk({ driver, schema, policies: horizontalPolicy, readSidePartition: { index: 3, count: 3 } }),
    ).rejects.toMatchObject({
      code: "INVALID_STORE_INPUT",
      message: expect.stringContaining("readSidePartition.index"),
    });
    const { rows } = await driver.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema]);
    expect(rows).toEqual([]);
  });

  it("a partition outside its count is refused, naming it", async () => {
    const { store, cleanup } = await current().freshStore();
    try {
      const signal = new AbortController().signal;
      const handler = async () => {};
      await expect(
        store.subscribe({ consumer: "c", partition: { index: 2, count: 2 }, signal, handler }),
      ).rejects.toMatchObject({
        code: "INVALID_STORE_INPUT",
        message: expect.stringContaining("options.partition.index"),
      });
      await expect(
        store.subscribe({ consumer: "c", partition: { index: 0, count: 0 }, signal, handler }),
      ).rejects.toMatchObject({ message: expect.stringContaining("options.partition.count") });
    } finally {
      await cleanup();
    }
  });
});
