export * from "./errors.js";
export * from "./outbox.js";
export * from "./records.js";
export * from "./types.js";
