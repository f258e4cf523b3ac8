/**
 * Prepared statements on a server: the append, the stream read and read-all are named, so
 * each connection prepares them once and then only binds parameters; `prepareStatements:
 * false` (for poolers that drop prepared statements) prepares nothing and works the same.
 */
import { sampleEvents } from "@ticketfold/testing/store-contract";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createPostgresEventStore } from "./index.js";
import { pgDriver } from "./pg-driver.js";
import { type ServerBackend, serverUrl } from "./target.test-support.js";

/** The store's prepared statements on the one connection of `pool`. */
const preparedNames = async (pool: pg.Pool): Promise<string[]> => {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT name FROM pg_prepared_statements WHERE name LIKE 'ticketfold%' ORDER BY name",
  );
  return rows.map((r) => r.name);
};

export const preparedSuite = (getBackend: () => ServerBackend): void => {
  const pools: pg.Pool[] = [];
  /** A store on a pool of ONE connection, so pg_prepared_statements shows that connection's. */
  const storeOnOneConnection = (prepareStatements: boolean) => {
    const pool = new pg.Pool({ connectionString: serverUrl, max: 1 });
    pool.on("error", () => {});
    pools.push(pool);
    const schema = getBackend().schemaName();
    const store = createPostgresEventStore({ driver: pgDriver(pool, { prepareStatements }), schema, notify: false });
    return { pool, store };
  };
  afterAll(async () => {
    for (const pool of pools) await pool.end();
  });

  it("prepares the append, the stream read and read-all once per connection", async () => {
    const { pool, store } = storeOnOneConnection(true);
    await store.migrate();
    expect(await preparedNames(pool)).toEqual([]);
    for (let i = 0; i < 3; i++)
      await store.appendToStream("t1", `s${i}`, sampleEvents(2), { expectedVersion: "no_stream" });
    await store.appendToStream("t1", "s0", sampleEvents(1), { expectedVersion: 2 });
    await store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: 2 });
    expect((await store.readStream("t1", "s0")).version).toBe(3);
    expect((await store.readStream("t1", "s1")).version).toBe(3);
    expect((await store.readAll({ limit: 100 })).events).toHaveLength(8);
    const names = await preparedNames(pool);
    // One statement per text: "no_stream" and an exact version are two appends, not five.
    expect(names.filter((n) => n.startsWith("ticketfold_append_"))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith("ticketfold_read_stream_"))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith("ticketfold_read_all_"))).toHaveLength(1);
  });

  it("with prepareStatements: false prepares nothing and reads and writes the same", async () => {
    const { pool, store } = storeOnOneConnection(false);
    await store.migrate();
    await store.appendToStream("t1", "s", sampleEvents(2), { expectedVersion: "no_stream" });
    await store.appendToStream("t1", "s", sampleEvents(1), { expectedVersion: 2 });
    expect((await store.readStream("t1", "s")).events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect((await store.readAll({ limit: 100 })).events).toHaveLength(3);
    expect(await preparedNames(pool)).toEqual([]);
  });

  it("a conflict on a prepared append is still reported with both versions", async () => {
    const { store } = storeOnOneConnection(true);
    await store.migrate();
    await store.appendToStream("t1", "s", sampleEvents(2), { expectedVersion: "no_stream" });
    await expect(store.appendToStream("t1", "s", sampleEvents(1), { expectedVersion: 1 })).rejects.toMatchObject({
      expected: 1,
      actual: 2,
    });
  });
};
