/** escalation/ — the escalation ladder of a ticket: level, reached steps, next step. */
export { type EscalationStatus, escalationStatus, type StepReach } from "./level.js";
