/**
 * The linear key-field line reader means exactly what the old pattern meant: over short
 * lines (where the old pattern is fast) of blanks of every kind, colons, labels and letters,
 * both accept the same lines with the same trimmed label and value. The old pattern is kept
 * here only as the readable reference.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyFieldLine } from "./key-field-line.js";

const REFERENCE = /^\s*([^:\n]{1,40}?)\s*:[ \t]*(.*)$/;

const reference = (line: string) => {
  const m = REFERENCE.exec(line);
  return m === null ? undefined : { label: (m[1] ?? "").trim(), value: m[2] ?? "" };
};

const pieces = [" ", "\t", "\u00a0", "\u3000", "\ufeff", "\r", "\u2028", ":", "Login", "Priority", "x", "ä", "1"];
const shortLine = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 24 })
  .map((xs) => xs.join("").replaceAll("\n", " "));

describe("keyFieldLine", () => {
  it.each([
    ["Login: C-1001", { label: "Login", value: "C-1001" }],
    ["  priority :\t2 ", { label: "priority", value: "2 " }],
    ["Приоритет: 1", { label: "Приоритет", value: "1" }],
    ["   : x", { label: "", value: "x" }],
    [": x", undefined],
    ["no colon", undefined],
    [`${"L".repeat(41)}: x`, undefined],
    ["Login: a\rb", undefined],
  ])("%j → %j", (line, expected) => {
    expect(keyFieldLine(line)).toEqual(expected);
  });

  it("agrees with the old pattern on every short line (law)", () => {
    fc.assert(
      fc.property(shortLine, (line) => {
        expect(keyFieldLine(line)).toEqual(reference(line));
      }),
      { numRuns: 2_000 },
    );
  });
});
