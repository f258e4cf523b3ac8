/**
 * Test workloads for read models (projections, a store's read side): random tickets across
 * tenants, organisations, contracts and tiers under two SLA policies, decided by the core, and
 * their events as one global log, as `readAll` delivers them. `@ticketfold/testing/workload`.
 */

export { compiledRestart, compiledResume, restartPolicy, resumePolicy, workloadPolicies } from "./policies.js";
export {
  type TicketListQuestion,
  ticketListFilterArb,
  ticketListOrderArb,
  ticketListQuestionArb,
  workloadInstantArb,
} from "./queries.js";
export {
  agent,
  customer,
  MOVES,
  type Move,
  recordedLog,
  type TicketPlan,
  ticketEvents,
  ticketIdOf,
  ticketPlanArb,
  WORKLOAD_START,
  workloadArb,
} from "./tickets.js";
