/**
 * @ticketfold/core — the pure support-ticket domain. No clock, randomness or I/O: `now` and
 * ids are arguments, and everything is a value that can be replayed.
 *
 * Data flows one way: command → decide → events → evolve → state → SLA / escalation /
 * timers / notifications views.
 */
export * from "./calendar/index.js";
export * from "./decide/index.js";
export * from "./escalation/index.js";
export * from "./handling/index.js";
export * from "./notifications/index.js";
export * from "./policy/index.js";
export * from "./projections/index.js";
export * from "./shared/index.js";
export * from "./sla/index.js";
export * from "./store/index.js";
export * from "./ticket/index.js";
export * from "./timers/index.js";
export * from "./workers/index.js";
