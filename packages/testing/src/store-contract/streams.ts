/**
 * Contract: reading and appending one stream. A missing stream reads as empty at version 0;
 * appended events read back equal, numbered 1..n, with unique ids, a recording instant and a
 * position; `fromVersion` skips the earlier ones.
 */
import { expect, it } from "vitest";
import { type MakeStore, payloadOf, sampleEvent, sampleEvents, withStore } from "./helpers.js";

export const streamContract = (makeStore: MakeStore): void => {
  it("reads a missing stream as empty, at version 0, not existing", () =>
    withStore(makeStore, async (store) => {
      expect(await store.readStream("t1", "missing")).toEqual({ exists: false, version: 0, events: [] });
      expect(await store.streamExists("t1", "missing")).toBe(false);
    }));

  it("reads back what was appended: same data and metadata, versions 1..n, unique ids, recordedAt", () =>
    withStore(makeStore, async (store) => {
      const first = sampleEvents(3);
      const second = sampleEvents(2, 4);
      const r1 = await store.appendToStream("t1", "s1", first, { expectedVersion: "no_stream" });
      const r2 = await store.appendToStream("t1", "s1", second, { expectedVersion: 3 });
      expect(r1.nextVersion).toBe(3);
      expect(r2.nextVersion).toBe(5);

      const read = await store.readStream("t1", "s1");
      expect(read.exists).toBe(true);
      expect(read.version).toBe(5);
      expect(read.events.map(payloadOf)).toEqual([...first, ...second].map(payloadOf));
      expect(read.events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(read.events.map((e) => e.eventId)).size).toBe(5);
      for (const e of read.events) {
        expect(e).toMatchObject({ tenantId: "t1", streamId: "s1" });
        expect(typeof e.eventId).toBe("string");
        expect(e.eventId.length).toBeGreaterThan(0);
        expect(typeof e.position).toBe("string");
        expect(Number.isInteger(e.recordedAt)).toBe(true);
      }
      // What append returned is what a read gives back.
      expect([...r1.events, ...r2.events]).toEqual(read.events);
      expect(await store.streamExists("t1", "s1")).toBe(true);
    }));

  it("keeps an eventId given by the writer", () =>
    withStore(makeStore, async (store) => {
      const given = sampleEvent(1, { eventId: "01J0000000000000000000000A" });
      await store.appendToStream("t1", "s1", [given], { expectedVersion: "any" });
      const read = await store.readStream("t1", "s1");
      expect(read.events[0]?.eventId).toBe("01J0000000000000000000000A");
    }));

  it("reads from a version on: fromVersion k gives events k..n and the stream's version", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("t1", "s1", sampleEvents(5), { expectedVersion: "no_stream" });
      const tail = await store.readStream("t1", "s1", { fromVersion: 3 });
      expect(tail.events.map((e) => e.version)).toEqual([3, 4, 5]);
      expect(tail.events.map((e) => (e.data as { n: number }).n)).toEqual([3, 4, 5]);
      expect(tail.version).toBe(5);
      const past = await store.readStream("t1", "s1", { fromVersion: 6 });
      expect(past).toEqual({ exists: true, version: 5, events: [] });
    }));

  it("keeps stored data safe from later changes to the objects the writer passed in", () =>
    withStore(makeStore, async (store) => {
      const event = sampleEvent(1);
      await store.appendToStream("t1", "s1", [event], { expectedVersion: "any" });
      (event.data as { n: number }).n = 999;
      const read = await store.readStream("t1", "s1");
      expect(read.events[0]?.data).toMatchObject({ n: 1 });
    }));
};
