/**
 * @ticketfold/core — the pure support-ticket domain. No clock, randomness or I/O: `now` and
 * ids are arguments, and everything is a value that can be replayed.
 */
export * from "./policy/index.js";
export * from "./shared/index.js";
export * from "./store/index.js";
export * from "./ticket/index.js";
