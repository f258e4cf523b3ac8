/**
 * The read side on PostgreSQL: the work queue, the ticket list, the statistics and the reports' facts of the core's projections,
 * kept in versioned table sets by a durable consumer of the log, queried in SQL, rebuilt
 * without downtime. See docs/projections.md.
 */
export * from "./errors.js";
export { purgeReadSide } from "./purge.js";
export { type RebuildOptions, type RebuildResult, rebuildReadSide } from "./rebuild.js";
export {
  collectReportFacts,
  ReportFactsCorrupt,
  type ReportFactsQuery,
  type ReportReadOptions,
  readBillingReport,
  readCsatReport,
  readReportFacts,
  readSlaReport,
  reportFactsView,
  TicketFactsC,
} from "./report-facts.js";
export { catchUpReadSide, type ReadSideOptions, runReadSide } from "./runner.js";
export { createPostgresSessionBookings, sessionBookingsSql } from "./session-bookings-query.js";
export { sessionBookingsView } from "./session-bookings-tables.js";
export { TICKET_STATE_SHAPE } from "./snapshot.js";
export {
  type CustomerDurations,
  readDurationSummaries,
  readStatistics,
  type StatisticsQuery,
} from "./statistics-query.js";
export { READ_SIDE, type ReadSideTables, readSideTables, readSideViews } from "./tables.js";
export { createPostgresTicketQueries, type PostgresTicketQueriesOptions, ticketListSql } from "./ticket-list-query.js";
export {
  activeVersionWith as activeReadSideVersion,
  createReadSideVersion,
  dropReadSideVersion,
  ensureReadSide,
  switchReadSide,
} from "./versions.js";
export {
  type LiveWorkQueueEntry,
  type LiveWorkQueueOptions,
  liveWorkQueueSql,
  queryWorkQueue,
  readLiveWorkQueue,
  readWorkQueue,
  type WorkQueueQueryOptions,
  workQueueSql,
} from "./work-queue-query.js";
