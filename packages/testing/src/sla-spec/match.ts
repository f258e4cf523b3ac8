/**
 * Partial matching that knows time: only the keys an expected value names are compared
 * (recursively; lists item by item, same length), and where the actual value is an instant or
 * a duration the expected one may be written as a person writes it (`"2025-03-03T10:00Z"`,
 * `"Mon 2025-03-03 10:00"` in the scenario's zone, `"1h30m"`). Both sides come back in a form to
 * show: instants in the zone with the weekday, durations in policy notation.
 */
import { isDeepStrictEqual } from "node:util";
import { showDuration, showInstant } from "../time/display.js";
import { duration, instant } from "../time/when.js";

/** Keys whose numbers are instants (of states, statuses, errors, commands, notices). */
const INSTANT_KEYS = new Set([
  "at",
  "deadline",
  "startedAt",
  "breachedAt",
  "stoppedAt",
  "possibleAt",
  "openedAt",
  "lastEventAt",
  "resolvedAt",
  "closedAt",
  "closesAt",
  "planSharedAt",
  "firstPublicAgentReplyAt",
  "lastPublicAgentReplyAt",
  "lastCustomerMessageAt",
  "start",
  "end",
  "from",
]);
/** Keys whose numbers are durations. */
const DURATION_KEYS = new Set(["target", "elapsed", "remaining", "length", "after", "within"]);

export interface Compared {
  readonly same: boolean;
  /** The actual value, cut down to what was expected, in a form to show. */
  readonly actual: unknown;
  readonly expected: unknown;
  /** `path: expected …, actual …` for each difference. */
  readonly differences: readonly string[];
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

const tryInstant = (u: unknown, zone: string): number | undefined => {
  if (typeof u === "number") return u;
  if (typeof u !== "string") return undefined;
  try {
    return instant(u, zone);
  } catch {
    return undefined;
  }
};

const show = (u: unknown): string => (u === undefined ? "undefined" : JSON.stringify(u));

/** Compares `actual` with what `expected` names (see the module note). */
export const compare = (actual: unknown, expected: unknown, zone: string, key = "", path = ""): Compared => {
  const here = path === "" ? "the value" : path;
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual))
      return { same: false, actual, expected, differences: [`${here}: expected an object, actual ${show(actual)}`] };
    const parts = Object.keys(expected).map(
      (k) => [k, compare(actual[k], expected[k], zone, k, path === "" ? k : `${path}.${k}`)] as const,
    );
    return {
      same: parts.every(([, c]) => c.same),
      actual: Object.fromEntries(parts.map(([k, c]) => [k, c.actual])),
      expected: Object.fromEntries(parts.map(([k, c]) => [k, c.expected])),
      differences: parts.flatMap(([, c]) => c.differences),
    };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return { same: false, actual, expected, differences: [`${here}: expected a list, actual ${show(actual)}`] };
    // Items past the end of the actual list are reported once, by the length.
    const parts = expected.map((e, i) =>
      i < actual.length
        ? compare(actual[i], e, zone, key, `${path}[${i}]`)
        : { same: false, actual: undefined, expected: e, differences: [] },
    );
    const extra = actual.slice(expected.length);
    const lengthDiff =
      actual.length === expected.length ? [] : [`${here}: expected ${expected.length} items, actual ${actual.length}`];
    return {
      same: lengthDiff.length === 0 && parts.every((c) => c.same),
      actual: [...parts.slice(0, actual.length).map((c) => c.actual), ...extra],
      expected: parts.map((c) => c.expected),
      differences: [...lengthDiff, ...parts.flatMap((c) => c.differences)],
    };
  }
  if (INSTANT_KEYS.has(key) && (typeof actual === "number" || typeof actual === "string" || actual === null)) {
    const a = actual === null ? null : tryInstant(actual, "UTC");
    const e = expected === null ? null : tryInstant(expected, zone);
    if (a !== undefined && e !== undefined && !(a === null && e === null && actual !== expected)) {
      const same = a === e;
      const [sa, se] = [a === null ? null : showInstant(a, zone), e === null ? null : showInstant(e, zone)];
      return { same, actual: sa, expected: se, differences: same ? [] : [`${here}: expected ${se}, actual ${sa}`] };
    }
  }
  if (
    DURATION_KEYS.has(key) &&
    typeof actual === "number" &&
    (typeof expected === "number" || typeof expected === "string")
  ) {
    const e = duration(expected);
    const same = actual === e;
    const [sa, se] = [showDuration(actual), showDuration(e)];
    return { same, actual: sa, expected: se, differences: same ? [] : [`${here}: expected ${se}, actual ${sa}`] };
  }
  const same = isDeepStrictEqual(actual, expected);
  return {
    same,
    actual,
    expected,
    differences: same ? [] : [`${here}: expected ${show(expected)}, actual ${show(actual)}`],
  };
};
