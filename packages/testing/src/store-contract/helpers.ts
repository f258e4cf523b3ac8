/**
 * Helpers for the EventStore contract suite, exported for adapter authors who want to write
 * extra tests in the same terms: sample events, draining `readAll` page by page, and checks
 * that a promise fails with a given store error code.
 */
import {
  type Checkpoint,
  type EventStore,
  type ExpectedVersion,
  isConcurrencyConflict,
  type NewEvent,
  type RecordedEvent,
} from "@ticketfold/core";
import { expect } from "vitest";

/** What `makeStore` gives the suite: an EMPTY store, and how to dispose of it. */
export interface StoreFixture {
  readonly store: EventStore;
  readonly cleanup?: () => Promise<void>;
}

export type MakeStore = () => Promise<StoreFixture>;

/** A sample event; `n` ends up in `data` and `metadata`, so each one is recognisable. */
export const sampleEvent = (n: number, overrides: Partial<NewEvent> = {}): NewEvent => ({
  type: n % 2 === 0 ? "sample-even" : "sample-odd",
  schemaVersion: 1,
  data: { n, text: `event ${n}`, nested: { list: [n, n + 1], flag: n % 3 === 0, nothing: null } },
  metadata: { at: `2025-03-03T13:00:${String(n % 60).padStart(2, "0")}Z`, actor: { kind: "agent", id: "a1" } },
  ...overrides,
});

/** `count` sample events numbered from `from`. */
export const sampleEvents = (count: number, from = 1): NewEvent[] =>
  Array.from({ length: count }, (_, i) => sampleEvent(from + i));

/** Runs `body` against a fresh store, then disposes of it (cleanup, else `close`). */
export const withStore = async <T>(makeStore: MakeStore, body: (store: EventStore) => Promise<T>): Promise<T> => {
  const { store, cleanup } = await makeStore();
  try {
    return await body(store);
  } finally {
    if (cleanup) await cleanup();
    else await store.close?.();
  }
};

/** Awaits `promise` and returns what it rejected with; fails the test if it resolved. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the store to reject, but it resolved");
};

/** Expects `promise` to reject with a store error carrying `code` (checked by code, not class). */
export const expectStoreError = async (promise: Promise<unknown>, code: string): Promise<unknown> => {
  const error = await rejectionOf(promise);
  expect(error, `expected a store error with code ${code}`).toMatchObject({ code });
  expect(typeof (error as { message?: unknown }).message).toBe("string");
  return error;
};

/** Expects a CONCURRENCY_CONFLICT naming the expected and the actual version. */
export const expectConflict = async (
  promise: Promise<unknown>,
  expected: ExpectedVersion,
  actual: number,
): Promise<void> => {
  const error = await rejectionOf(promise);
  expect(isConcurrencyConflict(error), `expected CONCURRENCY_CONFLICT, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code: "CONCURRENCY_CONFLICT", expected, actual });
};

export interface DrainOptions {
  readonly after?: Checkpoint | null;
  readonly limit?: number;
  readonly tenantId?: string;
  /** Safety bound on the number of pages (default 10 000). */
  readonly maxPages?: number;
}

/** Reads the global log page by page until `isEnd`; returns every event and the last checkpoint. */
export const drainReadAll = async (
  store: EventStore,
  options: DrainOptions = {},
): Promise<{ events: RecordedEvent[]; checkpoint: Checkpoint | null; pages: number }> => {
  const events: RecordedEvent[] = [];
  let after = options.after ?? null;
  const maxPages = options.maxPages ?? 10_000;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await store.readAll({
      after,
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
    });
    if (options.limit !== undefined) expect(page.events.length).toBeLessThanOrEqual(options.limit);
    events.push(...page.events);
    after = page.checkpoint;
    if (page.isEnd) return { events, checkpoint: after, pages };
  }
  throw new Error(`readAll did not reach the end within ${maxPages} pages`);
};

/** The parts of a recorded event that identify what was appended (for order comparisons). */
export const identify = (e: RecordedEvent): string => `${e.tenantId}/${e.streamId}@${e.version}#${e.eventId}`;

/** What the writer gave, as read back (to compare with the NewEvent that was appended). */
export const payloadOf = (
  e: RecordedEvent | NewEvent,
): Pick<NewEvent, "type" | "schemaVersion" | "data" | "metadata"> => ({
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
});
