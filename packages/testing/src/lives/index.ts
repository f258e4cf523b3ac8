/** Ticket lives under a policy, with realistic timing: plans as arbitraries, run through the engine. */
export { everyIntakeField, type LiveOptions, liveTicket } from "./live.js";
export { LIFE_MOVES, type LifeMove, type LifeOptions, type LifePlan, lifeGapArb, lifePlanArb } from "./plan.js";
export { ticketLifeArb } from "./ticket-life.js";
