/**
 * Read models: the work queue (P-B order, P-D organisation view) and statistics per tenant
 * and customer (SLA attainment, response and resolution times, billable time). Pure values and
 * reducers, plus in-memory projections over recorded events; stores persist the same values.
 */
export * from "./durations.js";
export * from "./errors.js";
export * from "./statistics.js";
export * from "./statistics-projection.js";
export * from "./ticket-facts.js";
export * from "./ticket-steps.js";
export * from "./work-queue-entry.js";
export * from "./work-queue-order.js";
export * from "./work-queue-projection.js";
