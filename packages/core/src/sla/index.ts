/** sla/ — the SLA clocks of a ticket read from its state and the compiled policy. */
export { type MetricState, type MetricStatus, type SlaStatus, slaStatus } from "./status.js";
