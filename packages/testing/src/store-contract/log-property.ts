/**
 * Contract law (property): any sequence of appends over random tenants and streams, with any
 * mix of expected-version modes, is read back — per stream with `readStream` and globally with
 * `readAll` in pages of any size — with no event lost, duplicated or reordered, and every
 * append succeeds or conflicts exactly as a simple model of the store predicts.
 */
import { type ExpectedVersion, isConcurrencyConflict } from "@ticketfold/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import { drainReadAll, type MakeStore, sampleEvents, withStore } from "./helpers.js";

type Mode = "exact" | "stale" | "no_stream" | "stream_exists" | "any";

const opArb = fc.record({
  tenant: fc.constantFrom("t1", "t2"),
  stream: fc.constantFrom("s1", "s2", "s3"),
  count: fc.integer({ min: 1, max: 3 }),
  mode: fc.constantFrom<Mode>("exact", "stale", "no_stream", "stream_exists", "any"),
});

const expectedFor = (mode: Mode, version: number): ExpectedVersion =>
  mode === "exact" ? version : mode === "stale" ? version + 1 : mode;

const holds = (expected: ExpectedVersion, version: number): boolean =>
  expected === "any" ||
  (expected === "no_stream" && version === 0) ||
  (expected === "stream_exists" && version > 0) ||
  expected === version;

const ns = (events: readonly { data: unknown }[]): number[] => events.map((e) => (e.data as { n: number }).n);

export const logPropertyContract = (makeStore: MakeStore, numRuns: number): void => {
  it(`random appends read back with nothing lost, duplicated or reordered (${numRuns} runs)`, () =>
    fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 7 }), (ops, limit) =>
        withStore(makeStore, async (store) => {
          const streams = new Map<string, number[]>();
          const log: { tenant: string; n: number }[] = [];
          let next = 1;
          for (const op of ops) {
            const key = `${op.tenant}/${op.stream}`;
            const model = streams.get(key) ?? [];
            const expected = expectedFor(op.mode, model.length);
            const events = sampleEvents(op.count, next);
            try {
              await store.appendToStream(op.tenant, op.stream, events, { expectedVersion: expected });
              expect(holds(expected, model.length), `append ${key} expecting ${expected} should conflict`).toBe(true);
              const added = events.map((_, i) => next + i);
              streams.set(key, [...model, ...added]);
              log.push(...added.map((n) => ({ tenant: op.tenant, n })));
              next += op.count;
            } catch (error) {
              if (!isConcurrencyConflict(error)) throw error;
              expect(holds(expected, model.length), `append ${key} expecting ${expected} should succeed`).toBe(false);
            }
          }
          for (const [key, model] of streams) {
            const [tenant, stream] = key.split("/") as [string, string];
            const read = await store.readStream(tenant, stream);
            expect(ns(read.events)).toEqual(model);
            expect(read.events.map((e) => e.version)).toEqual(model.map((_, i) => i + 1));
          }
          expect(ns((await drainReadAll(store, { limit })).events)).toEqual(log.map((e) => e.n));
          for (const tenant of ["t1", "t2"]) {
            const mine = log.filter((e) => e.tenant === tenant).map((e) => e.n);
            expect(ns((await drainReadAll(store, { tenantId: tenant, limit })).events)).toEqual(mine);
          }
        }),
      ),
      { numRuns },
    ));
};
