export * from "./codes.js";
export * from "./decode.js";
export * from "./duration.js";
export * from "./ids.js";
export * from "./instant.js";
export * from "./storable.js";
