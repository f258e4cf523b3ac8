/**
 * `@ticketfold/testing/simulator` — a policy over a week of tickets before a desk adopts it:
 * `simulatePolicy(policy, workload, { from, to })` reports attainment per metric, breaches by
 * priority and escalations fired, as data and as a table; `comparePolicies(a, b, workload, …)`
 * runs the same workload under two policies. Workloads are synthetic (`syntheticWorkload`:
 * seeded arrivals per weekday and hour, a priority mix, agents' and customers' times) or
 * recorded (`recordedWorkload`: commands, or a `readAll` log).
 */
export { comparePolicies, type MetricChange, type PolicyComparison } from "./compare.js";
export { type Distribution, seededRandom } from "./random.js";
export { recordedWorkload } from "./recorded.js";
export type {
  MetricOutcome,
  PriorityBreaches,
  SimulationReport,
  StepFired,
} from "./report.js";
export { formatReport } from "./report-table.js";
export { type SimulationWindow, simulatePolicy } from "./simulate.js";
export { officeArrivals } from "./synthetic.js";
export {
  type AgentBehaviour,
  type ArrivalRate,
  type CustomerBehaviour,
  type RecordedWorkload,
  type SyntheticWorkload,
  type SyntheticWorkloadOptions,
  syntheticWorkload,
  type Workload,
} from "./workload.js";
