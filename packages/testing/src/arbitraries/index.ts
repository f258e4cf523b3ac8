export * from "./commands.js";
export * from "./events.js";
export * from "./fields.js";
export * from "./history.js";
export * from "./policy.js";
export * from "./primitives.js";
export * from "./sla-policy.js";
