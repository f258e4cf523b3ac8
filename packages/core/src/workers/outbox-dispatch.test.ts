/** Retry timing: the retry delay doubles and is capped (a law over all retry numbers). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRetryBackoff, retryDelay } from "./outbox-dispatch.js";

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
