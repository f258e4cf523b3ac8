/**
 * @ticketfold/testing — the test kit: given/when/then specs for decisions, fast-check
 * arbitraries for the ticket domain, and small fixtures (test policies, command builders).
 * For adapter authors, three subpaths: the contract suites, which run under vitest (ESM only),
 * `@ticketfold/testing/store-contract` (the EventStore) and `@ticketfold/testing/delivery-contract`
 * (the outbox and timers); and `@ticketfold/testing/workload`, random read-model workloads.
 */
export * from "./arbitraries/index.js";
export * from "./fixtures/index.js";
export * from "./spec/index.js";
