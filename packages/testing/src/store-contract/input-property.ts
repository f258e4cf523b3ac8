/**
 * Contract law (property): whatever versions and text a caller hands a store — any double
 * (NaN, ±Infinity, fractions, negatives, 2^31 and beyond), any string (U+0000, lone
 * surrogates, over-long ids) as tenant, stream, type, data or metadata — every call either
 * succeeds or fails with a coded store error. An append that succeeds reads back exactly what
 * was given (as JSON); one that is refused leaves the stream and the log exactly as they were.
 * Clean input behaves as the expected-version model says.
 */
import type { ExpectedVersion, NewEvent, RecordedEvent } from "@ticketfold/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import { drainReadAll, type MakeStore, payloadOf, withStore } from "./helpers.js";

const CODES = ["INVALID_STORE_INPUT", "INVALID_APPEND", "CONCURRENCY_CONFLICT"];

/** Text rich in what stores cannot hold, mixed with what they can. */
const text = fc.string({
  unit: fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\uD83D\uDE00", ".", " ") },
    { weight: 6, arbitrary: fc.constantFrom("a", "b", "1") },
  ),
  maxLength: 6,
});
const cleanTenant = fc.constantFrom("t1", "t2");
const cleanStream = fc.constantFrom("s1", "s2");
const version = fc.oneof(
  fc.double(),
  fc.integer({ min: -3, max: 4 }),
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, -0),
);
const expectedVersion: fc.Arbitrary<ExpectedVersion> = fc.oneof(
  version,
  fc.constantFrom("no_stream" as const, "stream_exists" as const, "any" as const),
);
const json = fc.jsonValue({ maxDepth: 2 }).chain((base) =>
  fc.oneof(
    fc.constant(base),
    text.map((s) => ({ base, s })),
    text.map((k) => ({ [k]: base })),
  ),
);
const event: fc.Arbitrary<NewEvent> = fc.record({
  type: fc.oneof(fc.constant("note"), text),
  schemaVersion: fc.oneof(fc.constant(1), version),
  data: json,
  metadata: json,
});

const op = fc.record({
  tenant: fc.oneof({ weight: 3, arbitrary: cleanTenant }, { weight: 1, arbitrary: text }),
  stream: fc.oneof({ weight: 3, arbitrary: cleanStream }, { weight: 1, arbitrary: text }),
  expected: expectedVersion,
  events: fc.array(event, { minLength: 1, maxLength: 2 }),
  fromVersion: version,
  limit: version,
});

/** What a JSON store gives back for what it was given (e.g. -0 is 0, undefined in arrays null). */
const asJson = (events: readonly NewEvent[]) => events.map((e) => JSON.parse(JSON.stringify(payloadOf(e))));

const coded = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  expect(CODES, `a store error with a code, got ${String(error)}`).toContain(code);
  return code as string;
};

const outcome = <T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

const holds = (expected: ExpectedVersion, actual: number): boolean =>
  expected === "any" ||
  (expected === "no_stream" && actual === 0) ||
  (expected === "stream_exists" && actual > 0) ||
  expected === actual;

export const inputPropertyContract = (makeStore: MakeStore, numRuns: number): void => {
  it("law: any version or text either succeeds and reads back as given, or is a coded refusal that changes nothing", () =>
    withStore(makeStore, (store) =>
      fc.assert(
        fc.asyncProperty(op, async (o) => {
          const before = await drainReadAll(store);
          const stream = await store.readStream(o.tenant, o.stream).catch((error: unknown) => {
            expect(coded(error)).toBe("INVALID_STORE_INPUT");
            return undefined;
          });
          let appended: readonly RecordedEvent[] | undefined;
          try {
            appended = (await store.appendToStream(o.tenant, o.stream, o.events, { expectedVersion: o.expected }))
              .events;
          } catch (error) {
            const code = coded(error);
            expect(await drainReadAll(store)).toEqual(before);
            const clean = stream !== undefined && o.events.every((e) => e.type === "note" && e.schemaVersion === 1);
            const wellFormed = typeof o.expected === "string" || (Number.isInteger(o.expected) && o.expected >= 0);
            if (clean && wellFormed && code !== "INVALID_STORE_INPUT") {
              expect(holds(o.expected, stream.version), `${String(o.expected)} on version ${stream.version}`).toBe(
                false,
              );
            }
          }
          if (appended !== undefined) {
            expect(stream, "an append to a stream that cannot be read").toBeDefined();
            expect(appended.map(payloadOf)).toEqual(asJson(o.events));
            const after = await drainReadAll(store);
            expect(after.events).toEqual([...before.events, ...appended]);
            if (stream !== undefined) expect(holds(o.expected, stream.version)).toBe(true);
          }
          const tail = await outcome(store.readStream(o.tenant, o.stream, { fromVersion: o.fromVersion }));
          if ("value" in tail) expect(tail.value.events.every((e) => e.version >= o.fromVersion)).toBe(true);
          else coded(tail.error);
          const page = await outcome(store.readAll({ limit: o.limit }));
          if ("value" in page) expect(page.value.events.length).toBeLessThanOrEqual(o.limit);
          else coded(page.error);
        }),
        { numRuns },
      ),
    ));
};
