/** Notifications: pure rules that turn ticket events into notification intents for channels. */
export * from "./intent.js";
export * from "./notifications-for.js";
export * from "./settings.js";
export * from "./sla-settings.js";
export * from "./ticket-reference.js";
