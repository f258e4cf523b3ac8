/**
 * A store on a one-connection pool works: LISTEN has a connection of its own, outside the
 * pool, so a running subscription never holds the pool's only connection, and appends,
 * batches and reads take turns on it. Aborting stops a subscription even while it waits for a
 * connection. Server only (PGlite is one in-process connection, with no pool to exhaust); every
 * wait is bounded, so a hang fails the test instead of stalling the run.
 */
import type { RecordedEvent } from "@ticketfold/core";
import { sampleEvents } from "@ticketfold/testing/store-contract";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresEventStore, type PostgresEventStore } from "./index.js";
import { pgDriver } from "./pg-driver.js";
import { NO_SERVER_REASON, type ServerBackend, serverBackend, serverUrl } from "./target.test-support.js";

/** Resolves with `promise`, or fails naming `what` after `ms`. */
const within = <T>(ms: number, what: string, promise: Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

const APP = `tf_one_connection_${process.pid}`;

describe.runIf(serverUrl)("a store on a one-connection pool (postgres server)", () => {
  let backend: ServerBackend;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    backend = await serverBackend("one_connection");
    pool = new pg.Pool({ connectionString: serverUrl, max: 1, application_name: APP });
    pool.on("error", () => {});
    store = createPostgresEventStore({ driver: pgDriver(pool), schema: backend.schemaName() });
    await store.migrate();
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await backend?.close();
  });

  it("a subscriber sees appends made while it runs, reads still answer, and abort stops it", async () => {
    const seen: RecordedEvent[] = [];
    const stop = new AbortController();
    const subscription = store.subscribe({
      consumer: "one-connection",
      pollInterval: 50,
      signal: stop.signal,
      handler: async (events) => {
        seen.push(...events);
        if (seen.length >= 3) stop.abort();
      },
    });
    await within(
      5_000,
      "an append beside a subscriber",
      store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" }),
    );
    await within(
      5_000,
      "a second append",
      store.appendToStream("t1", "s1", sampleEvents(1, 3), { expectedVersion: 2 }),
    );
    expect((await within(5_000, "a read", store.readStream("t1", "s1"))).version).toBe(3);
    await within(10_000, "the subscription", subscription);
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it("holds one connection for LISTEN beside the pool's one, however many subscribers run", async () => {
    const stop = new AbortController();
    const subscribers = ["a", "b", "c"].map((consumer) =>
      store.subscribe({ consumer, pollInterval: 20, signal: stop.signal, handler: async () => {} }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const { rows } = await backend.driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1",
      [APP],
    );
    stop.abort();
    await within(5_000, "three subscriptions", Promise.all(subscribers));
    // The pool's one connection, and the LISTEN one.
    expect(rows[0]?.n).toBe(2);
  });

  it("abort stops a subscriber waiting for a connection; no batch runs after it", async () => {
    await store.appendToStream("t1", "s-waiting", sampleEvents(1), { expectedVersion: "no_stream" });
    const held = await within(5_000, "the pool's connection", pool.connect());
    let handled = 0;
    const stop = new AbortController();
    try {
      const subscription = store.subscribe({
        consumer: "waiting",
        signal: stop.signal,
        handler: async () => {
          handled++;
        },
      });
      setTimeout(() => stop.abort(), 200);
      await within(3_000, "an aborted subscription waiting for the pool", subscription);
    } finally {
      held.release();
    }
    // The batch that was waiting gets the connection now and does nothing.
    expect((await within(5_000, "a read after the release", store.readStream("t1", "s1"))).version).toBe(3);
    expect(handled).toBe(0);
    expect(await store.consumerCheckpoint("waiting")).toBeNull();
  });

  it("abort stops a partitioned subscriber waiting for a connection to make its checkpoint row", async () => {
    const held = await within(5_000, "the pool's connection", pool.connect());
    let handled = 0;
    const stop = new AbortController();
    try {
      const subscription = store.subscribe({
        consumer: "waiting-partition",
        partition: { index: 0, count: 2 },
        signal: stop.signal,
        handler: async () => {
          handled++;
        },
      });
      setTimeout(() => stop.abort(), 200);
      await within(3_000, "an aborted partitioned subscription waiting for the pool", subscription);
    } finally {
      held.release();
    }
    expect(handled).toBe(0);
  });
});

if (!serverUrl) {
  describe("a store on a one-connection pool", () => {
    it.skip(`needs a pool to exhaust: ${NO_SERVER_REASON}`, () => {});
  });
}
