export * from "./level.js";
export * from "./request.js";
