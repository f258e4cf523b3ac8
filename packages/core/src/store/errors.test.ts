/**
 * The four expected-version modes, as one table every adapter shares through
 * `checkExpectedVersion`; guards recognise errors by code, never by class.
 */
import { describe, expect, it } from "vitest";
import {
  checkExpectedVersion,
  isConcurrencyConflict,
  isCorruptEvent,
  isInvalidAppend,
  isInvalidCheckpoint,
  validateAppend,
} from "./errors.js";
import type { ExpectedVersion } from "./types.js";

describe("checkExpectedVersion", () => {
  it.each([
    [0, 0, true],
    [3, 3, true],
    [2, 3, false],
    [0, 3, false],
    ["no_stream", 0, true],
    ["no_stream", 1, false],
    ["stream_exists", 1, true],
    ["stream_exists", 0, false],
    ["any", 0, true],
    ["any", 7, true],
  ] as const)("expected %s, actual %i ⇒ holds %s", (expected, actual, holds) => {
    const conflict = checkExpectedVersion("t", "s", expected as ExpectedVersion, actual);
    if (holds) expect(conflict).toBeUndefined();
    else
      expect(conflict).toMatchObject({ code: "CONCURRENCY_CONFLICT", expected, actual, tenantId: "t", streamId: "s" });
  });

  it("says expected and actual in the message", () => {
    expect(checkExpectedVersion("t", "s", "stream_exists", 0)?.message).toBe(
      "stream t/s: expected stream_exists, but it is at version 0 (no stream)",
    );
  });
});

describe("validateAppend", () => {
  it.each([
    [-1, 1, "whole number"],
    [1.5, 1, "whole number"],
    ["latest", 1, "unknown expected version"],
    ["any", 0, "nothing to append"],
  ] as const)("expected %j with %i events is INVALID_APPEND (%s)", (expected, n, text) => {
    const error = validateAppend(expected as ExpectedVersion, Array.from({ length: n }));
    expect(error).toMatchObject({ code: "INVALID_APPEND" });
    expect(error?.message).toContain(text);
  });
});

describe("guards check the code, not the class", () => {
  it.each([
    [isConcurrencyConflict, "CONCURRENCY_CONFLICT"],
    [isCorruptEvent, "CORRUPT_EVENT"],
    [isInvalidAppend, "INVALID_APPEND"],
    [isInvalidCheckpoint, "INVALID_CHECKPOINT"],
  ] as const)("%o accepts any object with code %s", (guard, code) => {
    expect(guard({ code, message: "from another copy of the package" })).toBe(true);
    expect(guard({ code: "SOMETHING_ELSE" })).toBe(false);
    expect(guard(null)).toBe(false);
    expect(guard(code)).toBe(false);
  });
});
