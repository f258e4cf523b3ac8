/** workers/ — outbox dispatch, the timer worker and the loop that runs them. */
export {
  type DispatchOptions,
  type DispatchReport,
  defaultRetryBackoff,
  dispatchOutbox,
  type RetryBackoff,
} from "./outbox-dispatch.js";
export { runDueTimers, type TimerRunOptions, type TimerRunReport } from "./timer-worker.js";
export { runWorkerLoop, type StopSignal, type WorkerLoopOptions } from "./worker-loop.js";
