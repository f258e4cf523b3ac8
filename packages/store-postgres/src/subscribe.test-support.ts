/**
 * Consumers with durable checkpoints, on the selected backend: every event once, in log order,
 * across batches and restarts; the handler's writes commit with the checkpoint (or roll back
 * with it); tenant-scoped consumers; NOTIFY wakes a sleeping consumer long before its poll.
 */
import type { RecordedEvent } from "@ticketfold/core";
import { sampleEvents } from "@ticketfold/testing/store-contract";
import { expect, it } from "vitest";
import type { PostgresEventStore, SubscribeOptions } from "./index.js";
import type { TestBackend } from "./target.test-support.js";

const ns = (events: readonly RecordedEvent[]): number[] => events.map((e) => (e.data as { n: number }).n);

/** Runs a consumer until it has seen `count` events (or `limitMs` passed), then stops it. */
const consume = async (
  store: PostgresEventStore,
  count: number,
  options: Partial<SubscribeOptions> & { limitMs?: number } = {},
): Promise<RecordedEvent[][]> => {
  const batches: RecordedEvent[][] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.limitMs ?? 10_000);
  const seen = (): number => batches.reduce((sum, b) => sum + b.length, 0);
  await store.subscribe({
    consumer: "c1",
    pollInterval: 20,
    ...options,
    signal: controller.signal,
    handler: async (events, context) => {
      batches.push([...events]);
      await options.handler?.(events, context);
      if (seen() >= count) controller.abort();
    },
  });
  clearTimeout(timer);
  return batches;
};

export const consumerSuite = (getBackend: () => TestBackend): void => {
  it("see every event once, in log order, in batches; a restart resumes after the checkpoint", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await store.appendToStream("t1", "s1", sampleEvents(5, 1), { expectedVersion: "no_stream" });
      await store.appendToStream("t2", "s2", sampleEvents(4, 6), { expectedVersion: "no_stream" });
      const first = await consume(store, 9, { batchSize: 4 });
      expect(first.map((b) => b.length)).toEqual([4, 4, 1]);
      expect(ns(first.flat())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await store.consumerCheckpoint("c1")).toBe(first.flat().at(-1)?.position);

      await store.appendToStream("t1", "s1", sampleEvents(2, 10), { expectedVersion: 5 });
      const resumed = await consume(store, 2, { batchSize: 4 });
      expect(ns(resumed.flat())).toEqual([10, 11]);
    } finally {
      await cleanup();
    }
  });

  it("commits the handler's writes with the checkpoint, and rolls both back when it throws", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    const seen = `"${store.schema.name}".seen`;
    try {
      await getBackend().driver.query(`CREATE TABLE ${seen} (n integer PRIMARY KEY)`);
      await store.appendToStream("t1", "s1", sampleEvents(3), { expectedVersion: "no_stream" });
      const failing = consume(store, 3, {
        handler: async (events, { tx }) => {
          for (const n of ns(events)) await tx.query(`INSERT INTO ${seen} (n) VALUES ($1)`, [n]);
          throw new Error("projection failed");
        },
      });
      await expect(failing).rejects.toThrow("projection failed");
      expect((await getBackend().driver.query(`SELECT n FROM ${seen}`)).rows).toEqual([]);
      expect(await store.consumerCheckpoint("c1")).toBeNull();

      await consume(store, 3, {
        handler: async (events, { tx }) => {
          for (const n of ns(events)) await tx.query(`INSERT INTO ${seen} (n) VALUES ($1)`, [n]);
        },
      });
      const rows = (await getBackend().driver.query<{ n: number }>(`SELECT n FROM ${seen} ORDER BY n`)).rows;
      expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
      expect(await store.consumerCheckpoint("c1")).not.toBeNull();
    } finally {
      await cleanup();
    }
  });

  it("a tenant-scoped consumer sees only its tenant and keeps a checkpoint of its own", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await store.appendToStream("t1", "s1", sampleEvents(2, 1), { expectedVersion: "no_stream" });
      await store.appendToStream("t2", "s1", sampleEvents(2, 3), { expectedVersion: "no_stream" });
      const t2 = await consume(store, 2, { tenantId: "t2" });
      expect(t2.flat().map((e) => e.tenantId)).toEqual(["t2", "t2"]);
      expect(ns(t2.flat())).toEqual([3, 4]);
      expect(await store.consumerCheckpoint("c1")).toBeNull();
      expect(await store.consumerCheckpoint("c1", "t2")).toBe(t2.flat().at(-1)?.position);
    } finally {
      await cleanup();
    }
  });

  it("NOTIFY wakes a sleeping consumer long before its next poll", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: "no_stream" });
      let appended = false;
      // One poll an hour: only a wake-up can deliver the second append within the limit.
      const batches = await consume(store, 2, {
        pollInterval: 3_600_000,
        limitMs: 10_000,
        handler: async () => {
          if (appended) return;
          appended = true;
          setTimeout(() => {
            void store.appendToStream("t1", "s1", sampleEvents(1, 2), { expectedVersion: 1 });
          }, 200);
        },
      });
      expect(ns(batches.flat())).toEqual([1, 2]);
    } finally {
      await cleanup();
    }
  });

  it("stops when its signal aborts, resolving", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const controller = new AbortController();
      const running = store.subscribe({ consumer: "idle", handler: async () => {}, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(running).resolves.toBeUndefined();
    } finally {
      await cleanup();
    }
  });
};
