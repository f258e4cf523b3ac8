/**
 * @ticketfold/testing — the test kit: the EventStore contract suite for adapter authors,
 * given/when/then specs for decisions, fast-check arbitraries for the ticket domain, and
 * small fixtures (test policies, command builders).
 */
export * from "./arbitraries/index.js";
export * from "./fixtures/index.js";
export * from "./spec/index.js";
export * from "./store-contract/index.js";
