/**
 * The outbox and timer table on a PostgreSQL server (TICKETFOLD_PG_URL; skipped with a reason
 * otherwise — PGlite is one connection, so it cannot show concurrency): the shared contracts,
 * then several dispatchers and timer workers, each on its own connection pool as separate app
 * instances would be, racing over the same rows. No row is sent twice, no ticket is worked
 * twice, and no breach is recorded twice.
 */
import { type DeliveryChannel, dispatchOutbox, handleNotifying, runDueTimers } from "@ticketfold/core";
import {
  countingIds,
  describeOutboxContract,
  describeTimerContract,
  deskPolicies,
  LEASE,
  openCommand,
  T0,
  TENANT,
  ticketNo,
} from "@ticketfold/testing/delivery-contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresOutboxStore, type PostgresOutboxStore, pgDriver } from "./index.js";
import { postgresHarness } from "./outbox-harness.test-support.js";
import { NO_SERVER_REASON, type ServerBackend, serverBackend, serverPool, serverUrl } from "./target.test-support.js";

const INSTANCES = 4;
const TICKETS = 40;

let backend: ServerBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("outbox", 8);
});
afterAll(() => backend?.close());

/** Stores on one schema, each with its own pool: separate "app instances". */
const instances = async (schema: string): Promise<{ stores: PostgresOutboxStore[]; close: () => Promise<void> }> => {
  const pools = Array.from({ length: INSTANCES }, () => serverPool(3));
  const stores = pools.map((pool) =>
    createPostgresOutboxStore({ driver: pgDriver(pool), schema, autoMigrate: false, now: () => T0 }),
  );
  return { stores, close: async () => void (await Promise.all(pools.map((p) => p.end()))) };
};

const openMany = async (store: PostgresOutboxStore): Promise<void> => {
  for (let n = 1; n <= TICKETS; n++) {
    await handleNotifying(store, deskPolicies, openCommand(ticketNo(n), T0), { newEventId: countingIds(`open${n}`) });
  }
};

if (!serverUrl) {
  describe("outbox and timers on a postgres server", () => {
    it.skip(`need concurrent connections: ${NO_SERVER_REASON}`, () => {});
  });
} else {
  describeOutboxContract("PostgreSQL store on postgres server", () => postgresHarness(backend));
  describeTimerContract("PostgreSQL store on postgres server", () => postgresHarness(backend));

  describe("several app instances on one database", () => {
    it(`${INSTANCES} dispatchers racing over ${TICKETS} entries: each is sent exactly once`, async () => {
      const h = await postgresHarness(backend);
      await openMany(h.store);
      const sent: string[] = [];
      // A slow channel widens the window in which a second dispatcher could pick the same row.
      const channel: DeliveryChannel = {
        name: "recorder",
        async deliver(intent) {
          sent.push(intent.id);
          await new Promise((r) => setTimeout(r, 5));
          return { ok: true };
        },
      };
      const { stores, close } = await instances(h.store.events.schema.name);
      try {
        const drain = async (store: PostgresOutboxStore, owner: string) => {
          for (;;) {
            const r = await dispatchOutbox(store.outbox, [channel], { now: T0, owner, limit: 3, leaseMs: LEASE });
            if (r.claimed === 0) return;
          }
        };
        await Promise.all(stores.map((s, i) => drain(s, `d${i}`)));
      } finally {
        await close();
      }
      expect(sent).toHaveLength(TICKETS);
      expect(new Set(sent).size).toBe(TICKETS);
      expect((await h.entries()).every((e) => e.status === "delivered" && e.attempts === 1)).toBe(true);
    });

    it(`${INSTANCES} timer workers racing over ${TICKETS} due tickets: each is claimed once, one breach each`, async () => {
      const h = await postgresHarness(backend);
      await openMany(h.store);
      const { stores, close } = await instances(h.store.events.schema.name);
      const worked: string[] = [];
      try {
        const drain = async (store: PostgresOutboxStore, owner: string) => {
          const newEventId = countingIds(owner);
          for (;;) {
            const r = await runDueTimers(store.timers, store, deskPolicies, {
              now: T0 + 3_600_000,
              owner,
              limit: 2,
              leaseMs: LEASE,
              newEventId,
            });
            expect(r.tickets.filter((t) => t.error !== undefined)).toEqual([]);
            worked.push(...r.tickets.map((t) => t.ticketId));
            if (r.claimed === 0) return;
          }
        };
        await Promise.all(stores.map((s, i) => drain(s, `w${i}`)));
      } finally {
        await close();
      }
      expect(worked.sort()).toEqual(Array.from({ length: TICKETS }, (_, i) => ticketNo(i + 1)));
      for (let n = 1; n <= TICKETS; n++) {
        const types = (await h.store.readStream(TENANT, ticketNo(n))).events.map((e) => e.type);
        expect(types).toEqual(["opened", "sla-breached"]);
      }
    });
  });
}
