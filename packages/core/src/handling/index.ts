/** handling/ — the command handler: read, resolve the policy, decide, record; loading a ticket. */
export type { DecideContext, DecideFn, HandlerError } from "./decision.js";
export { type Handled, type HandlerOptions, handleCommand } from "./handler.js";
export type { CommandIdReused } from "./idempotency.js";
export { type LoadedTicket, loadTicket } from "./load-ticket.js";
export {
  type ContextFor,
  handleNotifying,
  type NotifyingHandled,
  type NotifyingHandlerOptions,
} from "./notifying-handler.js";
