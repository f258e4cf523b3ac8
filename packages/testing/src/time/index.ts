/** Instants and durations as tests write them, and as failure messages show them. */
export { showDuration, showInstant } from "./display.js";
export { duration, instant, type When } from "./when.js";
