/**
 * Contract: all four expected-version modes are enforced by every adapter (an exact version,
 * `no_stream`, `stream_exists`, `any`). A conflict is a CONCURRENCY_CONFLICT carrying the
 * expected and the actual version, recognised by its code; a refused append changes nothing.
 */
import type { EventStore, ExpectedVersion } from "@ticketfold/core";
import { expect, it } from "vitest";
import { expectConflict, expectStoreError, type MakeStore, sampleEvents, withStore } from "./helpers.js";

/** Appends `mode` onto a stream that has `existing` events; expects success or a conflict. */
const attempt = async (
  store: EventStore,
  existing: number,
  mode: ExpectedVersion,
  succeeds: boolean,
): Promise<void> => {
  if (existing > 0) await store.appendToStream("t1", "s1", sampleEvents(existing), { expectedVersion: "no_stream" });
  const before = await store.readStream("t1", "s1");
  const append = store.appendToStream("t1", "s1", sampleEvents(2, 100), { expectedVersion: mode });
  if (succeeds) {
    const result = await append;
    expect(result.nextVersion).toBe(existing + 2);
    expect(result.events.map((e) => e.version)).toEqual([existing + 1, existing + 2]);
    expect((await store.readStream("t1", "s1")).version).toBe(existing + 2);
  } else {
    await expectConflict(append, mode, existing);
    // A refused append leaves the stream exactly as it was.
    expect(await store.readStream("t1", "s1")).toEqual(before);
    expect(await store.streamExists("t1", "s1")).toBe(existing > 0);
  }
};

const cases: ReadonlyArray<readonly [string, number, ExpectedVersion, boolean]> = [
  ["exact version, right (new stream: 0)", 0, 0, true],
  ["exact version, right (existing stream)", 3, 3, true],
  ["exact version, behind", 3, 2, false],
  ["exact version, ahead", 3, 4, false],
  ["exact version 0 on an existing stream", 3, 0, false],
  ["exact version on a missing stream", 0, 1, false],
  ["no_stream on a missing stream", 0, "no_stream", true],
  ["no_stream on an existing stream", 2, "no_stream", false],
  ["stream_exists on an existing stream", 2, "stream_exists", true],
  ["stream_exists on a missing stream", 0, "stream_exists", false],
  ["any on a missing stream", 0, "any", true],
  ["any on an existing stream", 2, "any", true],
];

export const expectedVersionContract = (makeStore: MakeStore): void => {
  it.each(cases)("%s (stream has %i events, expects %s) → succeeds: %s", (_name, existing, mode, succeeds) =>
    withStore(makeStore, (store) => attempt(store, existing, mode, succeeds)),
  );

  it.each([
    ["a negative version", -1],
    ["a fractional version", 1.5],
    ["an unknown mode", "latest"],
  ] as const)("rejects %s as expected version with INVALID_APPEND", (_name, mode) =>
    withStore(makeStore, async (store) => {
      await expectStoreError(
        store.appendToStream("t1", "s1", sampleEvents(1), { expectedVersion: mode as ExpectedVersion }),
        "INVALID_APPEND",
      );
      expect(await store.streamExists("t1", "s1")).toBe(false);
    }),
  );
};
