/** projections/ — read models over recorded events: the work queue, the ticket list, statistics, the customer view. */

export { type BillingRow, billingReport } from "./billing-report.js";
export { type CsatRow, csatReport, type RatingValue } from "./csat-report.js";
export {
  type CustomerActor,
  type CustomerEventData,
  type CustomerHistoryItem,
  customerHistory,
} from "./customer-history.js";
export {
  type CustomerTicketFields,
  type CustomerTicketRow,
  type CustomerTicketView,
  customerTicketRow,
  customerTicketView,
} from "./customer-view.js";
export { type DurationSummary, percentile, summariseDurations } from "./durations.js";
export {
  EventOutOfOrder,
  isEventOutOfOrder,
  isUnknownPolicy,
  ProjectionError,
  type ProjectionErrorCode,
  UnknownPolicy,
} from "./errors.js";
export { readCustomerTicketView } from "./read-customer-view.js";
export { isoWeekOf, periodOf, type ReportPeriod } from "./report-periods.js";
export {
  compareBookings,
  createSessionBookingsProjection,
  type EngineerBooking,
  SessionBookingsProjection,
  sessionBookingsOf,
} from "./session-bookings.js";
export { createSlaIndex, type SlaDeadline, SlaIndex } from "./sla-index.js";
export { type BreachedCycle, type ReportQuery, type SlaReport, type SlaReportRow, slaReport } from "./sla-report.js";
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
export {
  type MetricOutcome,
  type ResolvedCycle,
  reportTimeZone,
  type TicketFacts,
  ticketFacts,
} from "./ticket-facts.js";
export { ticketIndexEntry } from "./ticket-index-entry.js";
export { createTicketIndexProjection, TicketIndexProjection } from "./ticket-index-projection.js";
export { isBreachedAt, matchesTicketListFilter } from "./ticket-list-filter.js";
export { compareTicketList, type TicketListKey } from "./ticket-list-order.js";
export {
  pageOfFetched,
  type TicketListQuery,
  ticketListQuery,
  ticketPageOf,
  validateTicketLookup,
} from "./ticket-list-query.js";
export { slaSummary, ticketListRow } from "./ticket-list-row.js";
export { type PolicyLookup, policyOfTicket, stepTicket, type TicketStep, ticketKey } from "./ticket-steps.js";
export { isOverdue, type WorkQueueEntry, workQueueEntry } from "./work-queue-entry.js";
export { compareWorkQueue, queryWorkQueue, type WorkQueueFilter } from "./work-queue-order.js";
export { createWorkQueueProjection, WorkQueueProjection } from "./work-queue-projection.js";
