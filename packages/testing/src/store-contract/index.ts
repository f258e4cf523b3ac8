/**
 * The EventStore contract suite: one set of vitest tests that every adapter runs (in-memory,
 * PostgreSQL, PGlite), so they all behave the same. Call it at the top level of a test file:
 *
 *   describeEventStoreContract("in-memory", async () => ({ store: createInMemoryEventStore() }));
 *
 * `makeStore` must return an EMPTY store each time it is called (a fresh schema or database for
 * SQL adapters) and may return a `cleanup`; without one the suite calls `store.close()`.
 */
import { describe } from "vitest";
import { atomicityContract } from "./atomicity.js";
import { commandIdContract } from "./command-ids.js";
import { commentVisibilityContract } from "./comment-visibility.js";
import { concurrencyContract } from "./concurrency.js";
import { expectedVersionContract } from "./expected-version.js";
import type { MakeStore } from "./helpers.js";
import { inputContract } from "./input.js";
import { inputPropertyContract } from "./input-property.js";
import { logPropertyContract } from "./log-property.js";
import { readAllContract } from "./read-all.js";
import { streamContract } from "./streams.js";
import { tenantContract } from "./tenants.js";

export interface EventStoreContractOptions {
  /** Runs of the random-appends property (default 30). */
  readonly numRuns?: number;
  /** Racing writers in the concurrency test (default 8). */
  readonly concurrentWriters?: number;
  /** Per-test timeout in ms, for slow stores (default: vitest's). */
  readonly timeout?: number;
}

export const describeEventStoreContract = (
  name: string,
  makeStore: MakeStore,
  options: EventStoreContractOptions = {},
): void => {
  const numRuns = options.numRuns ?? 30;
  const writers = options.concurrentWriters ?? 8;
  describe(`EventStore contract: ${name}`, options.timeout === undefined ? {} : { timeout: options.timeout }, () => {
    describe("streams", () => streamContract(makeStore));
    describe("expected version", () => expectedVersionContract(makeStore));
    describe("atomic appends", () => atomicityContract(makeStore));
    describe("tenant isolation", () => tenantContract(makeStore));
    describe("readAll", () => readAllContract(makeStore));
    describe("concurrent appends", () => concurrencyContract(makeStore, writers));
    describe("law: no lost, duplicated or reordered events", () => logPropertyContract(makeStore, numRuns));
    describe("input no store can hold", () => inputContract(makeStore));
    describe("event traces and command ids", () => commandIdContract(makeStore));
    describe("comment visibility fails closed through the store", () => commentVisibilityContract(makeStore));
    describe("law: any input succeeds as given or is refused by code, changing nothing", () =>
      inputPropertyContract(makeStore, numRuns * 2));
  });
};

export { describeAttachmentStoreContract, type MakeAttachmentStore } from "./attachments.js";
export {
  type DrainOptions,
  drainReadAll,
  expectConflict,
  expectStoreError,
  identify,
  type MakeStore,
  payloadOf,
  rejectionOf,
  type StoreFixture,
  sampleEvent,
  sampleEvents,
  withStore,
} from "./helpers.js";
export { describeOutboxBoundaryContract, type OutboxBoundaryHarness } from "./outbox-boundaries.js";
export {
  describePersonalDataContract,
  erasedView,
  type MakePersonalDataStore,
  type PersonalDataFixture,
} from "./personal-data.js";
export { type SeededSubject, seededSubjects } from "./personal-data-seed.js";
