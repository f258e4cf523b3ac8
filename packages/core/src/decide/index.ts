/** decide/ — decisions: a command and a state become events or a domain error; the Decider. */
export { type Decision, eventFrom } from "./build.js";
export { decide } from "./decide.js";
export { type Decider, type TicketDecider, ticketDecider } from "./decider.js";
