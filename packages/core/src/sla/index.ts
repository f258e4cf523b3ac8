export * from "./compile.js";
export * from "./compile-policy.js";
export * from "./compiled.js";
export * from "./errors.js";
export * from "./status.js";
