/**
 * Partial matching with readable diffs: the actual value is cut down to the keys the expected
 * value names (recursively for plain objects), then compared with node:assert's
 * deepStrictEqual, whose AssertionError prints a line-by-line diff.
 */
import { AssertionError, deepStrictEqual } from "node:assert";

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

/** The part of `actual` that `expected` talks about (same keys, recursively for objects). */
export const pickLike = (actual: unknown, expected: unknown): unknown => {
  if (!isPlainObject(actual) || !isPlainObject(expected)) return actual;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    if (Object.hasOwn(actual, key)) out[key] = pickLike(actual[key], expected[key]);
  }
  return out;
};

/** Plain copy without frozen or null prototypes, so the diff shows values only. */
const plain = (u: unknown): unknown => (u === undefined ? u : (JSON.parse(JSON.stringify(u)) as unknown));

/** Deep equality with a diff in the error; `what` names the comparison in the message. */
export const assertEqual = (actual: unknown, expected: unknown, what: string): void => {
  try {
    deepStrictEqual(plain(actual), plain(expected));
  } catch (error) {
    if (error instanceof AssertionError) error.message = `${what}\n${error.message}`;
    throw error;
  }
};

/** Partial deep equality: only the keys `expected` names are compared. */
export const assertMatches = (actual: unknown, expected: unknown, what: string): void =>
  assertEqual(pickLike(actual, expected), expected, what);

/** Fails with an AssertionError carrying both values (so reporters can diff them). */
export const fail = (message: string, actual: unknown, expected: unknown): never => {
  throw new AssertionError({ message, actual: plain(actual), expected: plain(expected), operator: "deepStrictEqual" });
};
