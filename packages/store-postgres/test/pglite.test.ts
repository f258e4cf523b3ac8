/**
 * PGlite specifics (always run): a PGlite instance passed in by the app that the store leaves
 * open, a data directory that keeps events and the migration record across restarts, and a
 * closed driver that refuses work. (The in-memory default, `pgliteDriver()`, is what every
 * other PGlite suite here runs on.)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleEvents } from "../../testing/src/index.js";
import { createPostgresEventStore, migrate, pgliteDriver } from "../src/index.js";

describe("PostgreSQL store on pglite", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(() => db?.close());

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
