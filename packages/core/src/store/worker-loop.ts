/**
 * The polling loop shared by outbox dispatchers and timer workers: run a pass; when it found
 * nothing to do (or failed), wait `idleMs` before the next; stop when the signal aborts. The
 * wait is injected (`sleep`), like every clock in the core, so tests drive it without time.
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
  /** Told about a pass that threw; the loop goes on (default: ignored). */
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
      options.onError?.(error);
    }
    if (handled === 0 && !options.signal.aborted) await options.sleep(idleMs, options.signal);
  }
};
