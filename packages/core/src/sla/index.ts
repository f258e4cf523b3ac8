/** sla/ — the SLA clocks of a ticket read from its state and the compiled policy. */
export {
  createSlaReader,
  type SlaReader,
  slaStatus,
  slaStatusAsOf,
} from "./reader.js";
export type { MetricState, MetricStatus, SlaStatus } from "./status.js";
