/**
 * Contract: tenants are isolated. The same stream id in two tenants names two independent
 * streams; `readAll` with a tenant returns only that tenant's events; writing to one tenant
 * never changes another.
 */
import { expect, it } from "vitest";
import { drainReadAll, expectConflict, type MakeStore, payloadOf, sampleEvents, withStore } from "./helpers.js";

export const tenantContract = (makeStore: MakeStore): void => {
  it("keeps the same stream id in two tenants as two independent streams", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("tA", "s1", sampleEvents(3), { expectedVersion: "no_stream" });
      // tB's s1 does not exist yet, whatever tA holds.
      expect(await store.streamExists("tB", "s1")).toBe(false);
      await expectConflict(store.appendToStream("tB", "s1", sampleEvents(1), { expectedVersion: 3 }), 3, 0);
      await store.appendToStream("tB", "s1", sampleEvents(1, 50), { expectedVersion: "no_stream" });
      const a = await store.readStream("tA", "s1");
      const b = await store.readStream("tB", "s1");
      expect(a.version).toBe(3);
      expect(b.version).toBe(1);
      expect(b.events.map(payloadOf)).toEqual(sampleEvents(1, 50).map(payloadOf));
      expect(b.events[0]?.tenantId).toBe("tB");
    }));

  it("appending to tenant A never changes tenant B", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("tB", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
      await store.appendToStream("tB", "s2", sampleEvents(1, 10), { expectedVersion: "no_stream" });
      const bBefore = await drainReadAll(store, { tenantId: "tB" });
      const s1Before = await store.readStream("tB", "s1");
      await store.appendToStream("tA", "s1", sampleEvents(4, 20), { expectedVersion: "any" });
      await store.appendToStream("tA", "s3", sampleEvents(1, 30), { expectedVersion: "any" });
      expect(await store.readStream("tB", "s1")).toEqual(s1Before);
      expect((await drainReadAll(store, { tenantId: "tB" })).events).toEqual(bBefore.events);
      expect(await store.streamExists("tB", "s3")).toBe(false);
    }));

  it("readAll with a tenant returns only that tenant's events, in append order", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("tA", "s1", sampleEvents(2, 1), { expectedVersion: "any" });
      await store.appendToStream("tB", "s1", sampleEvents(2, 3), { expectedVersion: "any" });
      await store.appendToStream("tA", "s2", sampleEvents(2, 5), { expectedVersion: "any" });
      await store.appendToStream("tB", "s1", sampleEvents(1, 7), { expectedVersion: "any" });
      for (const limit of [undefined, 1, 2, 100]) {
        const a = await drainReadAll(store, limit === undefined ? { tenantId: "tA" } : { tenantId: "tA", limit });
        const b = await drainReadAll(store, limit === undefined ? { tenantId: "tB" } : { tenantId: "tB", limit });
        expect(a.events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 5, 6]);
        expect(b.events.map((e) => (e.data as { n: number }).n)).toEqual([3, 4, 7]);
        expect(a.events.every((e) => e.tenantId === "tA")).toBe(true);
        expect(b.events.every((e) => e.tenantId === "tB")).toBe(true);
      }
      expect((await drainReadAll(store, { tenantId: "tC" })).events).toEqual([]);
    }));
};
