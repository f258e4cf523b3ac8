/**
 * Concurrency on a real PostgreSQL server (PGlite is one connection, so these need the
 * server). Writers use separate pool connections. Bounded: 8 writers × 25 rounds on one stream, 8 writers × 100 appends over many
 * streams.
 */
import { isConcurrencyConflict, type RecordedEvent } from "@ticketfold/core";
import { drainReadAll, sampleEvent, sampleEvents } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appendWith } from "./append.js";
import type { PostgresEventStore } from "./index.js";
import type { ServerBackend } from "./target.test-support.js";

/** Concurrent writers; the server pool needs this many connections and a few more. */
export const WRITERS = 8;

export const concurrencySuite = (getBackend: () => ServerBackend): void => {
  let store: PostgresEventStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await getBackend().freshStore());
  });
  afterAll(() => cleanup?.());

  it(`${WRITERS} writers racing for each version of one stream: exactly one wins per version`, async () => {
    const rounds = 25;
    for (let version = 0; version < rounds; version++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, w) =>
          store.appendToStream("t1", "race", [sampleEvent(version * 100 + w)], { expectedVersion: version }),
        ),
      );
      const won = outcomes.filter((o) => o.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === "rejected") {
          expect(isConcurrencyConflict(o.reason)).toBe(true);
          expect(o.reason).toMatchObject({ expected: version, actual: version + 1 });
        }
      }
    }
    const read = await store.readStream("t1", "race");
    expect(read.events.map((e) => e.version)).toEqual(Array.from({ length: rounds }, (_, i) => i + 1));
  });

  it(`${WRITERS} writers retrying on conflict on one stream lose nothing`, async () => {
    const perWriter = 10;
    const writer = async (w: number): Promise<number> => {
      let conflicts = 0;
      for (let i = 0; i < perWriter; ) {
        const { version } = await store.readStream("t1", "shared");
        try {
          await store.appendToStream("t1", "shared", [sampleEvent(w * 1000 + i)], { expectedVersion: version });
          i++;
        } catch (error) {
          if (!isConcurrencyConflict(error)) throw error;
          conflicts++;
        }
      }
      return conflicts;
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const read = await store.readStream("t1", "shared");
    expect(read.version).toBe(WRITERS * perWriter);
    const ns = read.events.map((e) => (e.data as { n: number }).n).sort((a, b) => a - b);
    const wanted = Array.from({ length: WRITERS }, (_, w) => Array.from({ length: perWriter }, (_, i) => w * 1000 + i));
    expect(ns).toEqual(wanted.flat().sort((a, b) => a - b));
  });

  it(`${WRITERS} writers × 100 appends on many streams: a consumer and a readAll poller see every event exactly once`, async () => {
    const appends = 100;
    const fresh = await getBackend().freshStore();
    const store = fresh.store;
    const consumed: RecordedEvent[] = [];
    const polled: RecordedEvent[] = [];
    const controller = new AbortController();
    const consumer = store.subscribe({
      consumer: "all",
      batchSize: 50,
      pollInterval: 10,
      signal: controller.signal,
      handler: async (events) => {
        consumed.push(...events);
      },
    });
    const appended: string[] = [];
    let writing = true;
    let deadline = Number.POSITIVE_INFINITY;
    // Polls while the writers run, then until it has caught up with everything they wrote.
    const poller = (async () => {
      let after: string | null = null;
      while ((writing || polled.length < appended.length) && Date.now() < deadline) {
        const page = await store.readAll({ after, limit: 37 });
        polled.push(...page.events);
        after = page.checkpoint;
        if (page.isEnd) await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < appends; i++) {
          const stream = `w${w}-s${i % 7}`;
          const r = await store.appendToStream(`t${w % 3}`, stream, sampleEvents(1 + (i % 3), i), {
            expectedVersion: "any",
          });
          appended.push(...r.events.map((e) => e.eventId));
        }
      }),
    );
    deadline = Date.now() + 15_000;
    writing = false;
    await poller;
    while (consumed.length < appended.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await consumer;

    const ids = (events: readonly RecordedEvent[]) => events.map((e) => e.eventId);
    for (const seen of [consumed, polled]) {
      expect(seen).toHaveLength(appended.length);
      expect(new Set(ids(seen)).size).toBe(appended.length);
      expect(new Set(ids(seen))).toEqual(new Set(appended));
      // Each stream's events arrive in version order.
      const last = new Map<string, number>();
      for (const e of seen) {
        const key = `${e.tenantId}/${e.streamId}`;
        expect(e.version).toBe((last.get(key) ?? 0) + 1);
        last.set(key, e.version);
      }
    }
    expect(ids(consumed)).toEqual(ids((await drainReadAll(store)).events));
    await fresh.cleanup();
  });

  it("a transaction that commits late is read after it commits, never skipped", async () => {
    const { store, cleanup: drop } = await getBackend().freshStore();
    try {
      const before = await drainReadAll(store);
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let started!: () => void;
      const inside = new Promise<void>((r) => {
        started = r;
      });
      // Older transaction: takes its xid and sequence numbers first, commits last.
      const late = getBackend().driver.transaction(async (tx) => {
        const r = await appendWith(tx, store.schema, {
          tenantId: "t1",
          streamId: "late",
          events: sampleEvents(2, 1),
          expectedVersion: "no_stream",
          eventIds: ["01J00000000000000000000LA1", "01J00000000000000000000LA2"],
        });
        started();
        await gate;
        return r;
      });
      await inside;
      const early = await store.appendToStream("t1", "early", sampleEvents(1, 3), { expectedVersion: "no_stream" });
      // The early commit is held back while an older transaction may still add events before it.
      const during = await store.readAll({ after: before.checkpoint });
      expect(during.events).toEqual([]);
      release();
      const lateResult = await late;
      const after = await drainReadAll(store, { after: before.checkpoint });
      expect(after.events.map((e) => e.eventId)).toEqual([...lateResult.events, ...early.events].map((e) => e.eventId));
    } finally {
      await drop();
    }
  });
};
