export * from "./decision.js";
export * from "./handler.js";
export * from "./load-ticket.js";
export * from "./notifying-handler.js";
