/** projections/ — read models over recorded events: the work queue and statistics. */
export { type DurationSummary, summariseDurations } from "./durations.js";
export {
  EventOutOfOrder,
  isEventOutOfOrder,
  isUnknownPolicy,
  ProjectionError,
  type ProjectionErrorCode,
  UnknownPolicy,
} from "./errors.js";
export {
  type AttainmentRow,
  type CustomerStatistics,
  customerStatistics,
  emptyStatistics,
  reduceStatistics,
  restateTicket,
  type Statistics,
  type StepPolicies,
  tenantStatistics,
} from "./statistics.js";
export { createStatisticsProjection, StatisticsProjection } from "./statistics-projection.js";
export { type TicketFacts, ticketFacts } from "./ticket-facts.js";
export { type PolicyLookup, policyOfTicket, stepTicket, type TicketStep, ticketKey } from "./ticket-steps.js";
export { isOverdue, type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
export { compareWorkQueue, queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";
export { createWorkQueueProjection, WorkQueueProjection } from "./work-queue-projection.js";
