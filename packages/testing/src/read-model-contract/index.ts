/**
 * The read-model contract: the vitest suite every `TicketQueries` adapter runs (in-memory,
 * PostgreSQL, PGlite, and a third party's), so all of them answer a list query exactly as the
 * core's pure reference does. Call it at the top level of a test file with a maker that
 * returns an EMPTY store and the adapter's queries over it, built with the policies given:
 *
 *   describeTicketQueriesContract("in-memory", async (policies) => {
 *     const store = new InMemoryEventStore();
 *     const queries = createInMemoryTicketQueries(store, { policies });
 *     return { store, queries, settle: async () => {} };
 *   });
 *
 * ESM only (vitest cannot be required from CommonJS): `@ticketfold/testing/read-model-contract`.
 */
import { describe } from "vitest";
import { ticketListCases } from "./cases.js";
import type { MakeTicketQueries } from "./harness.js";
import { ticketListProperty } from "./property.js";

export interface TicketQueriesContractOptions {
  /** Runs of the random-workload property (default 10; each one is a fresh store). */
  readonly numRuns?: number;
  /** Per-test timeout in ms, for slow stores (default: vitest's). */
  readonly timeout?: number;
}

export const describeTicketQueriesContract = (
  name: string,
  make: MakeTicketQueries,
  options: TicketQueriesContractOptions = {},
): void => {
  describe(`TicketQueries contract: ${name}`, options.timeout === undefined ? {} : { timeout: options.timeout }, () => {
    describe("scenarios", () => ticketListCases(make));
    describe("law: every page equals the pure reference", () => ticketListProperty(make, options.numRuns ?? 10));
  });
};

export {
  appendLog,
  type Log,
  type MakeTicketQueries,
  referenceOf,
  type TicketQueriesFixture,
  walkPages,
  withTicketQueries,
} from "./harness.js";
