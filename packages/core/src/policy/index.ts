export * from "./policy.js";
export * from "./priority.js";
export * from "./workflow.js";
export * from "./full.js";
