/**
 * Consumer checkpoints cannot collide: the all-tenants key (no tenant) and a tenant's key (a
 * non-empty tenant id) are apart by construction, in the store and in the table; the empty
 * tenant, which used to share (and move) the all-tenants checkpoint, is refused; migration 3
 * moves an old schema's `''` rows to the all-tenants key. On the selected backend (the server
 * with TICKETFOLD_PG_URL, else PGlite).
 */
import { isInvalidStoreInput } from "@ticketfold/core";
import { sampleEvents } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrations, storeSchema } from "./index.js";
import { createPostgresEventStore } from "./store.js";
import { selectedBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend;
beforeAll(async () => {
  backend = await selectedBackend("consumers");
}, 120_000);
afterAll(() => backend?.close());

const stopAfter = (ms: number): AbortSignal => AbortSignal.timeout(ms);

describe("consumer checkpoint keys", () => {
  it("refuses the empty tenant (and any id breaking the tenant id rule) for a consumer", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      for (const tenantId of ["", " ", "x".repeat(65)]) {
        const error = await store
          .subscribe({ consumer: "c", tenantId, signal: stopAfter(1_000), handler: async () => {} })
          .catch((e: unknown) => e);
        expect(isInvalidStoreInput(error), String(error)).toBe(true);
        expect(error).toMatchObject({ path: "options.tenantId" });
        expect(await store.consumerCheckpoint("c", tenantId).catch((e: unknown) => e)).toMatchObject({
          code: "INVALID_STORE_INPUT",
        });
      }
      const { rows } = await backend.driver.query(`SELECT * FROM ${store.schema.consumers}`);
      expect(rows).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it("the table itself refuses an empty tenant, and keeps one all-tenants row per consumer", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      const insert = (tenant: string | null) =>
        backend.driver.query(`INSERT INTO ${store.schema.consumers} (consumer, tenant) VALUES ('c', $1)`, [tenant]);
      await expect(insert("")).rejects.toMatchObject({ code: "23514" });
      await insert(null);
      await expect(insert(null)).rejects.toMatchObject({ code: "23505" });
      await insert("acme");
      await expect(insert("acme")).rejects.toMatchObject({ code: "23505" });
    } finally {
      await cleanup();
    }
  });

  it("an all-tenants consumer and a tenant's consumer of the same name each see their events once", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      await store.appendToStream("acme", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
      await store.appendToStream("beta", "s1", sampleEvents(3, 10), { expectedVersion: "no_stream" });
      const seen = async (tenantId?: string): Promise<number> => {
        let count = 0;
        const stop = new AbortController();
        await store.subscribe({
          consumer: "c",
          ...(tenantId === undefined ? {} : { tenantId }),
          pollInterval: 10,
          signal: AbortSignal.any([stop.signal, stopAfter(10_000)]),
          handler: async (events) => {
            count += events.length;
            if (count >= (tenantId === undefined ? 5 : 2)) stop.abort();
          },
        });
        return count;
      };
      expect(await seen("acme")).toBe(2);
      expect(await seen()).toBe(5);
      expect(await store.consumerCheckpoint("c")).not.toBe(await store.consumerCheckpoint("c", "acme"));
    } finally {
      await cleanup();
    }
  });

  it("migration 3 moves an old schema's '' checkpoint to the all-tenants key", async () => {
    const schema = backend.schemaName();
    const s = storeSchema(schema);
    // A schema as versions 1 and 2 left it, with a checkpoint kept under ''.
    await backend.driver.transaction(async (tx) => {
      await tx.query(`CREATE SCHEMA "${schema}"`);
      await tx.query(`CREATE TABLE ${s.migrations} (version integer PRIMARY KEY, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of migrations.filter((x) => x.version <= 2)) {
        for (const sql of m.statements(s)) await tx.query(sql);
        await tx.query(`INSERT INTO ${s.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      }
      await tx.query(`INSERT INTO ${s.consumers} (tenant, consumer, transaction_id, global_position)
        VALUES ('', 'c', '7', 3), ('acme', 'c', '7', 2)`);
    });
    // Migration 3 and every later one (4: the subject keys, 5: attachments).
    expect(await migrate(backend.driver, { schema })).toEqual({
      applied: migrations.filter((m) => m.version > 2).map((m) => m.version),
    });
    const store = createPostgresEventStore({ driver: backend.driver, schema, closeDriver: false });
    expect(await store.consumerCheckpoint("c")).toBe("7:3");
    expect(await store.consumerCheckpoint("c", "acme")).toBe("7:2");
    const { rows } = await backend.driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${s.consumers} WHERE tenant = ''`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
