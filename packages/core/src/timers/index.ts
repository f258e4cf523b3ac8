/** timers/ — time-driven commands: what is pending, what is due at `now`, the next wake-up. */
export { due, timerActor } from "./due.js";
export { nextWakeUp } from "./next-wake-up.js";
