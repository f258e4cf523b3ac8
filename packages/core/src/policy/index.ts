export * from "./full.js";
export * from "./policy.js";
export * from "./priority.js";
export * from "./selection.js";
export * from "./workflow.js";
