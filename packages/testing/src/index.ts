/**
 * @ticketfold/testing — the test kit: given/when/then specs for decisions, fast-check
 * arbitraries for the ticket domain, and small fixtures (test policies, command builders).
 * The EventStore contract suite for adapter authors runs under vitest and is imported from
 * `@ticketfold/testing/store-contract` (ESM only).
 */
export * from "./arbitraries/index.js";
export * from "./fixtures/index.js";
export * from "./spec/index.js";
