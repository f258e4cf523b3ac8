export { type Act, defaultOpenFields, type OpenFields, type Step, timersUntil } from "./acts.js";
export { type At, at } from "./at.js";
export {
  type CommandMatch,
  type DeadlineExpectation,
  deadlinesAt as deadlines,
  type EscalationExpectation,
  type MetricExpectation,
  nextWakeUpAt,
  type SlaExpectation,
  type StepExpectation,
} from "./clock-expectations.js";
export type { Expectation, ScenarioView } from "./expectation.js";
export {
  appended,
  type EventMatch,
  type NoticeFilter,
  type NoticeMatch,
  notified,
  type StateMatch,
  ticketState,
  timersFired,
} from "./record-expectations.js";
export { given, Scenario, type ScenarioOptions } from "./scenario.js";
