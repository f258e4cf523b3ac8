/** One ticket run as an app runs it (decide, fold, notices; timers as a scheduler), on an engine you can wrap. */
export { calendarOf, coreEngine, engineWith, type SlaEngine } from "./engine.js";
export {
  applyCommand,
  type RunEntry,
  type RunOptions,
  runTimers,
  startRun,
  type TicketRun,
  TimerStall,
} from "./run.js";
