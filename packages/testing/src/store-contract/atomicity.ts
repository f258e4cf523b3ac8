/**
 * Contract: an append is all or nothing. A batch that cannot be stored as a whole (a duplicate
 * event id inside it, or one already stored) writes nothing; an empty batch is INVALID_APPEND.
 */
import { expect, it } from "vitest";
import { expectStoreError, type MakeStore, sampleEvent, sampleEvents, withStore } from "./helpers.js";

export const atomicityContract = (makeStore: MakeStore): void => {
  it("rejects an empty append with INVALID_APPEND and creates no stream", () =>
    withStore(makeStore, async (store) => {
      await expectStoreError(store.appendToStream("t1", "s1", [], { expectedVersion: "any" }), "INVALID_APPEND");
      expect(await store.streamExists("t1", "s1")).toBe(false);
      expect((await store.readAll()).events).toEqual([]);
    }));

  it("writes nothing of a batch with a duplicate eventId inside it", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
      const before = await store.readStream("t1", "s1");
      const logBefore = await store.readAll();
      const id = "01J0000000000000000000000B";
      const batch = [sampleEvent(10), sampleEvent(11, { eventId: id }), sampleEvent(12, { eventId: id })];
      await expectStoreError(store.appendToStream("t1", "s1", batch, { expectedVersion: 2 }), "INVALID_APPEND");
      expect(await store.readStream("t1", "s1")).toEqual(before);
      expect(await store.readAll()).toEqual(logBefore);
    }));

  it("writes nothing of a batch reusing an eventId already stored (in another stream)", () =>
    withStore(makeStore, async (store) => {
      const id = "01J0000000000000000000000C";
      await store.appendToStream("t1", "s1", [sampleEvent(1, { eventId: id })], { expectedVersion: "no_stream" });
      const batch = [sampleEvent(2), sampleEvent(3, { eventId: id })];
      await expectStoreError(store.appendToStream("t1", "s2", batch, { expectedVersion: "any" }), "INVALID_APPEND");
      expect(await store.streamExists("t1", "s2")).toBe(false);
      expect((await store.readAll()).events).toHaveLength(1);
    }));

  it("a successful multi-event append is one contiguous run of versions", () =>
    withStore(makeStore, async (store) => {
      const result = await store.appendToStream("t1", "s1", sampleEvents(4), { expectedVersion: "no_stream" });
      expect(result.events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
      const all = await store.readAll();
      expect(all.events.map((e) => e.eventId)).toEqual(result.events.map((e) => e.eventId));
    }));
};
