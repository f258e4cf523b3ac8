export * from "./decision-spec.js";
export { assertEqual, assertMatches, pickLike } from "./match.js";
