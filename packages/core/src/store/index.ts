export * from "./errors.js";
export * from "./handler.js";
export * from "./tickets.js";
export * from "./types.js";
