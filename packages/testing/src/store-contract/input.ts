/**
 * Contract: input no store can hold is refused alike by every store, before anything is
 * written, with a coded error naming the offending value; never a driver error, never a silent
 * change. Tenant ids follow the tenant id rule (never empty: no tenant can pass for "all
 * tenants"); stream and event ids are 1–256 characters; text holds no U+0000 and no lone
 * surrogate (PostgreSQL cannot store them, so the in-memory store refuses them too); an expected
 * version no stream can have (≥ 2^31) is a conflict; versions and limits are whole numbers.
 */
import { MAX_STREAM_VERSION, type NewEvent } from "@ticketfold/core";
import { expect, it } from "vitest";
import {
  drainReadAll,
  expectConflict,
  expectStoreError,
  type MakeStore,
  sampleEvent,
  sampleEvents,
  withStore,
} from "./helpers.js";

const badTenants: ReadonlyArray<readonly [string, unknown]> = [
  ["the empty tenant", ""],
  ["a tenant of 65 characters", "t".repeat(65)],
  ["a tenant with a space", "acme corp"],
  ["a tenant starting with a dot", ".acme"],
  ["a tenant with U+0000", "acme\u0000"],
  ["a tenant that is not a string", 42],
];

const badEvents: ReadonlyArray<readonly [string, NewEvent, string]> = [
  ["U+0000 in data", sampleEvent(1, { data: { text: "a\u0000b" } }), "events[0].data.text"],
  ["a lone surrogate in data", sampleEvent(1, { data: { list: ["ok", "\uD800"] } }), "events[0].data.list[1]"],
  [
    "a lone surrogate in a metadata key",
    sampleEvent(1, { metadata: { "\uDC00": 1 } }),
    'events[0].metadata["\\udc00"]',
  ],
  ["U+0000 in the type", sampleEvent(1, { type: "note\u0000" }), "events[0].type"],
  ["a fractional schema version", sampleEvent(1, { schemaVersion: 1.5 }), "events[0].schemaVersion"],
  ["a schema version of 2^31", sampleEvent(1, { schemaVersion: 2 ** 31 }), "events[0].schemaVersion"],
  ["a schema version of NaN", sampleEvent(1, { schemaVersion: Number.NaN }), "events[0].schemaVersion"],
  ["an empty event id", sampleEvent(1, { eventId: "" }), "events[0].eventId"],
  ["an event id of 257 characters", sampleEvent(1, { eventId: "e".repeat(257) }), "events[0].eventId"],
];

export const inputContract = (makeStore: MakeStore): void => {
  it.each(badTenants)("refuses %s everywhere a tenant is taken, writing nothing", (_name, tenant) =>
    withStore(makeStore, async (store) => {
      const t = tenant as string;
      const refused = { code: "INVALID_STORE_INPUT", path: "tenantId" };
      const append = store.appendToStream(t, "s1", sampleEvents(1), { expectedVersion: "any" });
      expect(await expectStoreError(append, "INVALID_STORE_INPUT")).toMatchObject(refused);
      expect(await expectStoreError(store.readStream(t, "s1"), "INVALID_STORE_INPUT")).toMatchObject(refused);
      expect(await expectStoreError(store.streamExists(t, "s1"), "INVALID_STORE_INPUT")).toMatchObject(refused);
      const read = store.readAll({ tenantId: t });
      expect(await expectStoreError(read, "INVALID_STORE_INPUT")).toMatchObject({ path: "options.tenantId" });
      expect((await drainReadAll(store)).events).toEqual([]);
    }),
  );

  it("takes a tenant id of 64 characters and a stream id of 256", () =>
    withStore(makeStore, async (store) => {
      const [tenant, stream] = ["T".repeat(64), `s${"é".repeat(255)}`];
      await store.appendToStream(tenant, stream, sampleEvents(1), { expectedVersion: "no_stream" });
      expect((await store.readStream(tenant, stream)).events[0]).toMatchObject({ tenantId: tenant, streamId: stream });
    }));

  it.each([
    ["an empty stream id", ""],
    ["a stream id of 257 characters", "s".repeat(257)],
    ["a stream id with U+0000", "s\u0000"],
    ["a stream id with a lone surrogate", "s\uD800"],
  ])("refuses %s, writing nothing", (_name, stream) =>
    withStore(makeStore, async (store) => {
      const append = store.appendToStream("t1", stream, sampleEvents(1), { expectedVersion: "any" });
      expect(await expectStoreError(append, "INVALID_STORE_INPUT")).toMatchObject({ path: "streamId" });
      expect(await expectStoreError(store.readStream("t1", stream), "INVALID_STORE_INPUT")).toBeDefined();
      expect((await drainReadAll(store)).events).toEqual([]);
    }),
  );

  it.each(badEvents)("refuses an event with %s, naming its path, and leaves the stream as it was", (_n, bad, path) =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
      const before = await store.readStream("t1", "s1");
      const append = store.appendToStream("t1", "s1", [sampleEvent(3), bad], { expectedVersion: 2 });
      const error = await expectStoreError(append, "INVALID_STORE_INPUT");
      expect(error).toMatchObject({ path: path.replace("events[0]", "events[1]") });
      expect((error as Error).message).toContain(path.replace("events[0]", "events[1]"));
      expect(await store.readStream("t1", "s1")).toEqual(before);
      expect((await drainReadAll(store)).events).toEqual(before.events);
    }),
  );

  it.each([2 ** 31, MAX_STREAM_VERSION + 1, 2 ** 53, 1e300])(
    "an expected version of %d, which no stream can have, is a conflict with the actual version",
    (expected) =>
      withStore(makeStore, async (store) => {
        await expectConflict(
          store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: expected }),
          expected,
          0,
        );
        await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
        const before = await store.readStream("t1", "s1");
        await expectConflict(
          store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: expected }),
          expected,
          2,
        );
        expect(await store.readStream("t1", "s1")).toEqual(before);
      }),
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -3])(
    "refuses an expected version of %d with INVALID_APPEND",
    (expected) =>
      withStore(makeStore, async (store) => {
        const append = store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: expected });
        await expectStoreError(append, "INVALID_APPEND");
        expect(await store.streamExists("t1", "s1")).toBe(false);
      }),
  );

  it("reads from any whole version: below 1 from the start, past the end or 2^31 and beyond nothing", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("t1", "s1", sampleEvents(3), { expectedVersion: "no_stream" });
      const versions = async (fromVersion: number) =>
        (await store.readStream("t1", "s1", { fromVersion })).events.map((e) => e.version);
      expect(await versions(-5)).toEqual([1, 2, 3]);
      expect(await versions(0)).toEqual([1, 2, 3]);
      expect(await versions(2 ** 31)).toEqual([]);
      expect(await versions(Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect((await store.readStream("t1", "s1", { fromVersion: 2 ** 40 })).version).toBe(3);
    }));

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 60])("refuses fromVersion %d, naming it", (fromVersion) =>
    withStore(makeStore, async (store) => {
      await store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: "no_stream" });
      const read = store.readStream("t1", "s1", { fromVersion });
      expect(await expectStoreError(read, "INVALID_STORE_INPUT")).toMatchObject({ path: "options.fromVersion" });
    }),
  );

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a readAll limit of %d, naming it", (limit) =>
    withStore(makeStore, async (store) => {
      const read = store.readAll({ limit });
      expect(await expectStoreError(read, "INVALID_STORE_INPUT")).toMatchObject({ path: "options.limit" });
    }),
  );
};
