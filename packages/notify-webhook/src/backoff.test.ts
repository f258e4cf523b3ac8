import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffCeiling, backoffDelay } from "./backoff.js";

const o = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe("exponential backoff with full jitter", () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [7, 30_000],
    [60, 30_000],
  ])("retry %i has ceiling %i ms", (retry, ceiling) => {
    expect(backoffCeiling(retry, o)).toBe(ceiling);
  });

  it("every delay lies in [0, ceiling) for random in [0, 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const d = backoffDelay(retry, o, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(backoffCeiling(retry, o));
        },
      ),
    );
  });

  it("random 0 waits nothing; random 0.5 waits half the ceiling", () => {
    expect(backoffDelay(3, o, () => 0)).toBe(0);
    expect(backoffDelay(3, o, () => 0.5)).toBe(1_000);
  });
});
