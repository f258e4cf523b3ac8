/**
 * PostgreSQL adapter specifics beyond the shared contract, on the selected backend: versioned idempotent migrations and the
 * printed SQL, checkpoints that must name a stored event, the injected clock and ids, and a
 * corrupt row reported as CorruptEvent (naming tenant, stream, version) by the ticket layer
 * while other streams keep working, and a command id recognised by another store instance.
 */
import {
  commandId,
  handleCommand,
  isCorruptEvent,
  isInvalidCheckpoint,
  loadTicket,
  singlePolicy,
} from "@ticketfold/core";
import { impactPolicy, OTHER_TICKET, openTicket, TENANT, TICKET } from "@ticketfold/testing";
import { sampleEvents } from "@ticketfold/testing/store-contract";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createPostgresEventStore, migrate, migrationSql, migrations, storeSchema } from "./index.js";
import type { TestBackend } from "./target.test-support.js";

export const adapterSuite = (getBackend: () => TestBackend): void => {
  const allVersions = migrations.map((m) => m.version);
  describe("migrations", () => {
    it("apply once: running again is a no-op", async () => {
      const schema = getBackend().schemaName();
      expect(allVersions.slice(0, 1)).toEqual([1]);
      expect(await migrate(getBackend().driver, { schema })).toEqual({ applied: allVersions });
      expect(await migrate(getBackend().driver, { schema })).toEqual({ applied: [] });
      const { rows } = await getBackend().driver.query(`SELECT version FROM "${schema}".migrations`);
      expect(rows.map((r) => (r as { version: number }).version).sort((a, b) => a - b)).toEqual(allVersions);
    });

    it("concurrent runners apply each migration exactly once (advisory lock)", async () => {
      const schema = getBackend().schemaName();
      const results = await Promise.all(Array.from({ length: 4 }, () => migrate(getBackend().driver, { schema })));
      expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(allVersions);
    });

    it("the printed SQL creates the same schema, records its version, and can run twice", async () => {
      const schema = getBackend().schemaName();
      const sql = migrationSql({ schema });
      expect(sql).toContain(`CREATE TABLE IF NOT EXISTS "${schema}".events`);
      const statements = sql
        .split(";\n")
        .map((s) => s.trim())
        .filter((s) => s !== "" && s !== "BEGIN" && s !== "COMMIT;" && s !== "COMMIT");
      for (let run = 0; run < 2; run++) {
        await getBackend().driver.transaction(async (tx) => {
          for (const statement of statements) await tx.query(statement);
        });
      }
      expect(await migrate(getBackend().driver, { schema })).toEqual({ applied: [] });
      const store = createPostgresEventStore({ driver: getBackend().driver, schema, closeDriver: false });
      await store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: "no_stream" });
      expect((await store.readStream("t1", "s1")).version).toBe(1);
    });

    it.each(['x"; DROP TABLE y; --', "1abc", "", "a".repeat(49)])("refuses the schema name %j", (name) => {
      expect(() => storeSchema(name)).toThrow(/schema name/);
    });
  });

  describe("checkpoints", () => {
    it.each(["999999999:1", "0:0", "1:99999999"])("rejects %j, which names no stored event", async (c) => {
      const { store, cleanup } = await getBackend().freshStore();
      try {
        await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
        const error = await store.readAll({ after: c }).catch((e: unknown) => e);
        expect(isInvalidCheckpoint(error)).toBe(true);
        expect(error).toMatchObject({ checkpoint: c });
      } finally {
        await cleanup();
      }
    });
  });

  it("uses the injected clock and event id source", async () => {
    const schema = getBackend().schemaName();
    let id = 0;
    const store = createPostgresEventStore({
      driver: getBackend().driver,
      schema,
      closeDriver: false,
      now: () => 1_700_000_000_123,
      newEventId: () => `id-${++id}`,
    });
    const appended = await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "any" });
    expect(appended.events.map((e) => [e.eventId, e.recordedAt])).toEqual([
      ["id-1", 1_700_000_000_123],
      ["id-2", 1_700_000_000_123],
    ]);
    expect((await store.readStream("t1", "s1")).events).toEqual(appended.events);
  });

  it("a corrupt row is a CorruptEvent naming tenant, stream and version; other streams still load", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const policies = singlePolicy(impactPolicy);
      const opened = await handleCommand(store, policies, openTicket());
      expect(E.isRight(opened)).toBe(true);
      const other = await handleCommand(store, policies, openTicket({}, { ticketId: OTHER_TICKET }));
      expect(E.isRight(other)).toBe(true);
      // Damage version 1 of the first ticket behind the store's back.
      await getBackend().driver.query(
        `UPDATE ${store.schema.events} SET data = '{"subject": 42}'::jsonb WHERE tenant = $1 AND stream_id = $2 AND version = 1`,
        [TENANT, TICKET],
      );
      const raw = await store.readStream(TENANT, TICKET);
      expect(raw.events[0]?.data).toEqual({ subject: 42 });
      const error = await loadTicket(store, TENANT, TICKET).catch((e: unknown) => e);
      expect(isCorruptEvent(error)).toBe(true);
      expect(error).toMatchObject({ tenantId: TENANT, streamId: TICKET, version: 1 });
      const fine = await loadTicket(store, TENANT, OTHER_TICKET);
      expect(fine.version).toBe(1);
      expect(fine.state.status).toBe("new");
    } finally {
      await cleanup();
    }
  });

  it("a command retried under its id through another store over the same database is a replay", async () => {
    // Two stores share nothing but the database, as two processes would: the stream is the
    // only memory of which commands were handled.
    const { store: first, cleanup } = await getBackend().freshStore();
    try {
      const second = createPostgresEventStore({
        driver: getBackend().driver,
        schema: first.schema.name,
        closeDriver: false,
      });
      const policies = singlePolicy(impactPolicy);
      const open = { ...openTicket(), commandId: commandId("open-1") };
      const handled = await handleCommand(first, policies, open);
      const retried = await handleCommand(second, policies, { ...open, at: open.at + 5_000 });
      expect(E.isRight(handled) && handled.right.replayed).toBe(false);
      expect(retried).toEqual(E.map((h: object) => ({ ...h, replayed: true }))(handled));
      expect((await second.readStream(TENANT, TICKET)).version).toBe(1);
    } finally {
      await cleanup();
    }
  });
};
