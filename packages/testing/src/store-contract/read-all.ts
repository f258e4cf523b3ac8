/**
 * Contract: the global log. `readAll` from the beginning returns every event in append order;
 * paging with `limit` and the returned checkpoint visits each event exactly once; past the end
 * it returns nothing with `isEnd`; a checkpoint resumes after later appends; each event's
 * `position` is a checkpoint too; a checkpoint the store never issued is INVALID_CHECKPOINT.
 */
import type { EventStore } from "@ticketfold/core";
import { expect, it } from "vitest";
import { drainReadAll, expectStoreError, identify, type MakeStore, sampleEvents, withStore } from "./helpers.js";

/** Five appends over three streams and two tenants: 9 events, n = 1..9 in append order. */
const seed = async (store: EventStore): Promise<string[]> => {
  const ids: string[] = [];
  const plan: ReadonlyArray<readonly [string, string, number, number]> = [
    ["t1", "s1", 2, 1],
    ["t2", "s1", 1, 3],
    ["t1", "s2", 3, 4],
    ["t1", "s1", 1, 7],
    ["t2", "s9", 2, 8],
  ];
  for (const [tenant, stream, count, from] of plan) {
    const r = await store.appendToStream(tenant, stream, sampleEvents(count, from), { expectedVersion: "any" });
    ids.push(...r.events.map(identify));
  }
  return ids;
};

const numbers = (events: readonly { data: unknown }[]): number[] => events.map((e) => (e.data as { n: number }).n);

export const readAllContract = (makeStore: MakeStore): void => {
  it("reads an empty store as no events, at the end, with a null checkpoint", () =>
    withStore(makeStore, async (store) => {
      expect(await store.readAll()).toEqual({ events: [], checkpoint: null, isEnd: true });
      expect(await store.readAll({ after: null, limit: 5 })).toEqual({ events: [], checkpoint: null, isEnd: true });
    }));

  it("reads everything from the beginning in append order", () =>
    withStore(makeStore, async (store) => {
      const appended = await seed(store);
      const all = await store.readAll({ after: null });
      expect(all.events.map(identify)).toEqual(appended);
      expect(numbers(all.events)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(all.isEnd).toBe(true);
      expect(all.checkpoint).not.toBeNull();
    }));

  it.each([1, 2, 3, 4, 8, 9, 10])("pages with limit %i visit every event exactly once, in order", (limit) =>
    withStore(makeStore, async (store) => {
      const appended = await seed(store);
      const drained = await drainReadAll(store, { limit });
      expect(drained.events.map(identify)).toEqual(appended);
      expect(drained.pages).toBeGreaterThanOrEqual(Math.ceil(appended.length / limit));
    }),
  );

  it("after the end returns no events, isEnd, and the same checkpoint", () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      const { checkpoint } = await drainReadAll(store, { limit: 4 });
      const past = await store.readAll({ after: checkpoint });
      expect(past).toEqual({ events: [], checkpoint, isEnd: true });
    }));

  it("a checkpoint resumes with exactly the events appended after it", () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      const first = await drainReadAll(store, { limit: 5 });
      const later = await store.appendToStream("t1", "s1", sampleEvents(2, 10), { expectedVersion: 3 });
      const more = await store.appendToStream("t3", "s1", sampleEvents(1, 12), { expectedVersion: "no_stream" });
      const resumed = await drainReadAll(store, { after: first.checkpoint, limit: 2 });
      expect(resumed.events.map(identify)).toEqual([...later.events, ...more.events].map(identify));
      expect(numbers(resumed.events)).toEqual([10, 11, 12]);
    }));

  it("an event's position is a checkpoint: reading after it continues with the next event", () =>
    withStore(makeStore, async (store) => {
      const appended = await seed(store);
      const all = (await drainReadAll(store)).events;
      for (let k = 0; k < all.length; k++) {
        const rest = await drainReadAll(store, { after: (all[k] as { position: string }).position });
        expect(rest.events.map(identify)).toEqual(appended.slice(k + 1));
      }
    }));

  it("rejects a checkpoint it never issued with INVALID_CHECKPOINT", () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      await expectStoreError(store.readAll({ after: "not a checkpoint" }), "INVALID_CHECKPOINT");
    }));
};
