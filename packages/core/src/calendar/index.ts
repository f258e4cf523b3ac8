export * from "./types.js";
export * from "./codec.js";
