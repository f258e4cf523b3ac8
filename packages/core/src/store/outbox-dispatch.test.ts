/**
 * Retry timing and the worker loop: the retry delay doubles and is capped (a law over all
 * retry numbers), and the loop drains a backlog without waiting, waits when idle, survives a
 * failing pass and stops when told.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRetryBackoff, retryDelay } from "./outbox-dispatch.js";
import { runWorkerLoop } from "./worker-loop.js";

describe("retryDelay", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
  ])("retry %i waits %i ms by default", (n, ms) => {
    expect(retryDelay(n)).toBe(ms);
  });

  it("law: never shrinks from one retry to the next and never exceeds the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10_000 }), (n, base) => {
        const backoff = { baseDelayMs: base, maxDelayMs: base * 100 };
        expect(retryDelay(n + 1, backoff)).toBeGreaterThanOrEqual(retryDelay(n, backoff));
        expect(retryDelay(n, backoff)).toBeLessThanOrEqual(backoff.maxDelayMs);
        expect(retryDelay(n, defaultRetryBackoff)).toBeGreaterThan(0);
      }),
    );
  });
});

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
});
