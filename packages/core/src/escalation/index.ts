export * from "./level.js";
