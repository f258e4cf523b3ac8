/**
 * @ticketfold/testing — the test kit: given/when/then specs for decisions (`decisionSpec`) and
 * for SLA rules over time (`given(policy)…`), fast-check arbitraries for the ticket domain,
 * calendars, policies and ticket lives, and small fixtures (test policies, command builders).
 * Subpaths: `@ticketfold/testing/laws` (ready-made properties for a policy and a calendar, the
 * minute oracle), `@ticketfold/testing/simulator` (a policy over a week of tickets); for adapter
 * authors, the contract suites, which run under vitest (ESM only),
 * `@ticketfold/testing/store-contract` (the EventStore) and `@ticketfold/testing/delivery-contract`
 * (the outbox and timers); and `@ticketfold/testing/workload`, random read-model workloads.
 */
export * from "./arbitraries/index.js";
export * from "./calendar/index.js";
export * from "./fixtures/index.js";
export * from "./lives/index.js";
export * from "./sla-spec/index.js";
export * from "./spec/index.js";
export * from "./ticket-run/index.js";
export * from "./time/index.js";
