export * from "./build.js";
export * from "./decide.js";
export * from "./decider.js";
export * from "./escalation-request.js";
export * from "./legality.js";
