/** sla/ — the SLA clocks of a ticket read from its state and the compiled policy. */
export {
  explainSla,
  type SlaExplanation,
  type SlaPeriod,
  type SlaPeriodKind,
  type SlaRetarget,
} from "./explain.js";
export { type MetricState, type MetricStatus, type SlaStatus, slaStatus } from "./status.js";
