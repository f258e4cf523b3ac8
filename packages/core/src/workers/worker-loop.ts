/**
 * The polling loop shared by outbox dispatchers and timer workers: run a pass; when it found
 * nothing to do (or failed), wait `idleMs` before the next; stop when the signal aborts. The
 * wait is injected (`sleep`), like every clock in the core, so tests drive it without time.
 *
 * A failed pass is never swallowed: with `onError` the loop reports it and goes on; without,
 * the loop ends and its promise rejects with the error (docs/delivery.md, "Running workers").
 * The core has no console to log to, and a loop that hides a dead database forever is worse
 * than one that stops.
 */

/** The part of an AbortSignal the loop reads (the core is typed without DOM or Node globals). */
export interface StopSignal {
  readonly aborted: boolean;
}

export interface WorkerLoopOptions<S extends StopSignal = StopSignal> {
  readonly signal: S;
  /** Resolves after `ms`, or early when the signal aborts. */
  readonly sleep: (ms: number, signal: S) => Promise<void>;
  /** Pause after an empty or failed pass (default 1 s). */
  readonly idleMs?: number;
  /** Told about a pass that threw; the loop goes on. Without it, the loop rethrows and ends. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs `pass` until the signal aborts. `pass` answers how many items it handled; a busy pass
 * (more than zero) is followed at once by the next, so a backlog drains without waiting.
 */
export const runWorkerLoop = async <S extends StopSignal>(
  pass: () => Promise<number>,
  options: WorkerLoopOptions<S>,
): Promise<void> => {
  const idleMs = options.idleMs ?? 1_000;
  while (!options.signal.aborted) {
    let handled = 0;
    try {
      handled = await pass();
    } catch (error) {
      if (options.onError === undefined) throw error;
      options.onError(error);
    }
    if (handled === 0 && !options.signal.aborted) await options.sleep(idleMs, options.signal);
  }
};
