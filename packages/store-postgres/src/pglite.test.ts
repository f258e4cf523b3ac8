/**
 * PGlite (always run): the shared EventStore contract, then PGlite specifics — an instance
 * passed in by the app that the store leaves open, a data directory that keeps events and the
 * migration record across restarts, and a closed driver that refuses work. (The in-memory
 * default, `pgliteDriver()`, is what the server suites run on without TICKETFOLD_PG_URL.)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describeEventStoreContract, sampleEvents } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresEventStore, migrate, pgliteDriver } from "./index.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

// The file's one PGlite instance, opened by the test as an app would. The shared contract runs
// on it, each store a fresh schema dropped after its test.
let db: PGlite;
let lite: TestBackend | undefined;
beforeAll(async () => {
  db = await PGlite.create();
  lite = await pgliteBackend("contract", db);
});
afterAll(async () => {
  await lite?.close();
  await db?.close();
});
describeEventStoreContract("PostgreSQL store on pglite", async () => {
  if (!lite) throw new Error("PGlite backend not started");
  return lite.freshStore();
});

describe("PostgreSQL store on pglite", () => {
  it("leaves a PGlite instance the app passed in open when the store closes", async () => {
    const store = createPostgresEventStore({ driver: pgliteDriver(db), schema: "app_owned" });
    await store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: "any" });
    await store.close();
    expect(db.closed).toBe(false);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM app_owned.events");
    expect(rows[0]?.n).toBe(1);
  });

  it("a closed driver refuses further statements instead of reopening", async () => {
    const driver = pgliteDriver();
    await driver.close();
    await expect(driver.query("SELECT 1")).rejects.toThrow(/closed/);
  });

  it("keeps events and the migration record in a data directory across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ticketfold-pglite-"));
    try {
      const first = createPostgresEventStore({ driver: pgliteDriver(dir) });
      const written = await first.appendToStream("t1", "s1", sampleEvents(3), { expectedVersion: "no_stream" });
      await first.close();

      const driver = pgliteDriver(dir);
      expect(await migrate(driver)).toEqual({ applied: [] });
      const second = createPostgresEventStore({ driver });
      expect((await second.readStream("t1", "s1")).events).toEqual(written.events);
      await second.appendToStream("t1", "s1", sampleEvents(1, 4), { expectedVersion: 3 });
      expect((await second.readAll()).events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
      await second.close();
      await expect(driver.query("SELECT 1")).rejects.toThrow(/closed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
