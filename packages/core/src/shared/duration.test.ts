/** Durations in policy notation (docs/design/sla-semantics.md#time — `3d` is 72 h of counted time). */

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DAY, DurationC, formatDuration, HOUR, MINUTE, parseDuration, SECOND } from "./duration.js";

describe("durations", () => {
  it.each([
    ["4h", 4 * HOUR],
    ["90m", 90 * MINUTE],
    ["3d", 72 * HOUR],
    ["1h30m", 90 * MINUTE],
    ["45s", 45 * SECOND],
    ["1d2h3m4s", DAY + 2 * HOUR + 3 * MINUTE + 4 * SECOND],
    [" 2h ", 2 * HOUR],
  ])("%s = %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "  ", "4", "h", "4x", "-2h", "2h4d", "1.5h"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
    expect(E.isLeft(DurationC.decode(text))).toBe(true);
  });

  it("law: parse(format(d)) = d for whole seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (s) => {
        expect(parseDuration(formatDuration(s * SECOND))).toBe(s * SECOND);
      }),
    );
  });

  it("formats largest units first; zero and negatives are readable", () => {
    expect([formatDuration(90 * MINUTE), formatDuration(0), formatDuration(-2 * HOUR)]).toEqual(["1h30m", "0m", "-2h"]);
  });
});
