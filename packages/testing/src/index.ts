/**
 * @ticketfold/testing — the test kit: the EventStore contract suite for adapter authors,
 * given/when/then specs for decisions, and fast-check arbitraries for the ticket domain.
 */
export * from "./store-contract/index.js";
