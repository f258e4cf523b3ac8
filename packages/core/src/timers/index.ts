export * from "./due.js";
export * from "./next-wake-up.js";
export * from "./pending.js";
