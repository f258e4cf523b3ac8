/**
 * The worker loop drains a backlog without waiting, waits when idle, reports a failing pass to
 * `onError` and goes on, and stops when told. Without `onError` a failing pass is never
 * swallowed: the loop ends and rejects with the error.
 */
import { describe, expect, it } from "vitest";
import { runWorkerLoop } from "./worker-loop.js";

describe("runWorkerLoop", () => {
  it("runs busy passes back to back, sleeps after an empty or failed one, stops on abort", async () => {
    const signal = { aborted: false };
    const results: (number | Error)[] = [3, 2, 0, new Error("db down"), 1, 0];
    const trace: string[] = [];
    const errors: unknown[] = [];
    await runWorkerLoop(
      async () => {
        const next = results.shift();
        if (next === undefined) {
          signal.aborted = true;
          return 0;
        }
        trace.push(`pass:${next instanceof Error ? "fail" : next}`);
        if (next instanceof Error) throw next;
        return next;
      },
      {
        signal,
        idleMs: 250,
        sleep: async (ms) => {
          trace.push(`sleep:${ms}`);
        },
        onError: (e) => errors.push(e),
      },
    );
    expect(trace).toEqual([
      "pass:3",
      "pass:2",
      "pass:0",
      "sleep:250",
      "pass:fail",
      "sleep:250",
      "pass:1",
      "pass:0",
      "sleep:250",
    ]);
    expect(errors).toHaveLength(1);
  });

  it("without onError, a failing pass ends the loop: it rejects with that error and runs no further pass", async () => {
    const signal = { aborted: false };
    const failure = new Error("db down");
    let passes = 0;
    const sleeps: number[] = [];
    const loop = runWorkerLoop(
      async () => {
        passes += 1;
        if (passes === 2) throw failure;
        if (passes > 5) signal.aborted = true;
        return 0;
      },
      { signal, idleMs: 10, sleep: async (ms) => void sleeps.push(ms) },
    );
    await expect(loop).rejects.toBe(failure);
    expect(passes).toBe(2);
    expect(sleeps).toEqual([10]);
  });

  it("an onError that throws ends the loop with its own error", async () => {
    const signal = { aborted: false };
    const reported = new Error("cannot report");
    const loop = runWorkerLoop(
      async () => {
        throw new Error("db down");
      },
      {
        signal,
        sleep: async () => {},
        onError: () => {
          throw reported;
        },
      },
    );
    await expect(loop).rejects.toBe(reported);
  });
});
