/**
 * Faults on a real PostgreSQL server: a connection killed in the middle of an append (its
 * stream row already moved and two of its events inserted, the third held up on the unique
 * index by another transaction) leaves no partial write, and the store keeps working on its other connections. Likewise a consumer
 * killed mid-batch leaves its checkpoint and the handler's writes where they were.
 */

import { sampleEvent, sampleEvents } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PostgresEventStore } from "./index.js";
import type { ServerBackend } from "./target.test-support.js";

/** Waits (bounded) for a backend blocked on a lock in a statement naming `marker`; its pid. */
const blockedPid = async (backend: ServerBackend, marker: string): Promise<number> => {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await backend.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
      [marker],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no backend blocked on a statement mentioning ${marker}`);
};

export const faultSuite = (getBackend: () => ServerBackend): void => {
  let store: PostgresEventStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await getBackend().freshStore());
  });
  afterAll(() => cleanup?.());

  it("a connection killed in the middle of an append leaves no partial write", async () => {
    const backend = getBackend();
    await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
    const held = "01J000000000000000000HELD1";
    // Another transaction holds an uncommitted event with the id our batch's third event uses:
    // the append claims the stream row, inserts two events, then waits on the unique index.
    const blocker = await backend.pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(
        `INSERT INTO ${store.schema.events} (tenant, stream_id, version, event_id, type, schema_version)
        VALUES ('t9', 'blocker', 1, $1, 'held', 1)`,
        [held],
      );
      const batch = [sampleEvent(3), sampleEvent(4), sampleEvent(5, { eventId: held })];
      const outcome = store.appendToStream("t1", "s1", batch, { expectedVersion: 2 }).then(
        () => "committed",
        (error: unknown) => error,
      );
      const pid = await blockedPid(backend, store.schema.events);
      const { rows } = await backend.pool.query<{ version: number }>(
        `SELECT version FROM ${store.schema.streams} WHERE tenant = 't1' AND stream_id = 's1'`,
      );
      expect(rows[0]?.version).toBe(2); // the half-done append is invisible…
      await backend.pool.query("SELECT pg_terminate_backend($1)", [pid]);
      expect(await outcome).toBeInstanceOf(Error);
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    // …and nothing of it survives.
    const read = await store.readStream("t1", "s1");
    expect(read.version).toBe(2);
    expect(read.events.map((e) => e.version)).toEqual([1, 2]);
    expect((await store.readAll()).events).toHaveLength(2);
    // The pool dropped the dead connection; the retry goes through.
    const retried = await store.appendToStream("t1", "s1", sampleEvents(3, 3), { expectedVersion: 2 });
    expect(retried.nextVersion).toBe(5);
  });

  it("a consumer killed mid-batch keeps its checkpoint and the handler's writes rolled back", async () => {
    const backend = getBackend();
    const seen = `"${store.schema.name}".seen`;
    await backend.pool.query(`CREATE TABLE ${seen} (event_id text PRIMARY KEY)`);
    const blocker = await backend.pool.connect();
    const controller = new AbortController();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE ${seen} IN SHARE MODE`);
      const running = store.subscribe({
        consumer: "killed",
        signal: controller.signal,
        handler: async (events, { tx }) => {
          for (const e of events) await tx.query(`INSERT INTO ${seen} (event_id) VALUES ($1)`, [e.eventId]);
        },
      });
      const outcome = running.then(
        () => "stopped",
        (error: unknown) => error,
      );
      await backend.pool.query("SELECT pg_terminate_backend($1)", [await blockedPid(backend, `INSERT INTO ${seen}`)]);
      expect(await outcome).toBeInstanceOf(Error);
    } finally {
      controller.abort();
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    expect(await store.consumerCheckpoint("killed")).toBeNull();
    expect((await backend.pool.query(`SELECT * FROM ${seen}`)).rows).toEqual([]);
  });
};
