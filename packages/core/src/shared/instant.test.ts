/** Instants: UTC milliseconds in memory, ISO-8601 with an offset on the wire. */

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatInstant, InstantC, parseInstant } from "./instant.js";

describe("instants", () => {
  it.each([
    ["2025-03-03T13:00:00Z", Date.UTC(2025, 2, 3, 13)],
    ["2025-03-03T13:00Z", Date.UTC(2025, 2, 3, 13)],
    ["2025-03-03T14:00:00+01:00", Date.UTC(2025, 2, 3, 13)],
    ["2025-03-03T13:00:00.123Z", Date.UTC(2025, 2, 3, 13, 0, 0, 123)],
  ])("%s = %i", (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
    expect(InstantC.decode(text)).toEqual(E.right(ms));
  });

  it.each(["2025-03-03", "2025-03-03T13:00:00", "yesterday", "2025-13-03T13:00:00Z", 1_700_000_000_000])(
    "%j is refused: an instant names its offset",
    (u) => {
      expect(E.isLeft(InstantC.decode(u))).toBe(true);
    },
  );

  it("law: decode(encode(t)) = t for integer milliseconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(InstantC.decode(InstantC.encode(ms))).toEqual(E.right(ms));
        expect(formatInstant(ms)).toMatch(/Z$/);
      }),
    );
  });
});
