/** sla/ — the SLA clocks of a ticket read from its state and the compiled policy. */
export {
  explainSla,
  type SlaExplanation,
  type SlaPeriod,
  type SlaPeriodKind,
  type SlaRetarget,
} from "./explain.js";
export { type ClockReading, clockReading, liveMetricStatusAt, readingCalendar } from "./live-clocks.js";
export { type OlaStatus, olaClock, olaStatus } from "./ola.js";
export {
  createSlaReader,
  type SlaReader,
  slaStatus,
  slaStatusAsOf,
} from "./reader.js";
export type { MetricState, MetricStatus, SlaStatus } from "./status.js";
