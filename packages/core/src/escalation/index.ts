export * from "./level.js";
export * from "./policy.js";
export * from "./request.js";
