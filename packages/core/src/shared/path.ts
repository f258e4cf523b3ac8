/**
 * The one notation for a path into a decoded value, used by every error that names where a
 * value is wrong (decoding, policy and calendar checks): a field whose name is an identifier
 * is `.name`, any other field name is quoted in brackets (`targets["1"]`,
 * `metrics["next-reply"]`, `overrides["2025-12-31"]`), and a list position is `[n]`
 * (`sla.ladder[0]`). It is how the value is reached in JavaScript, so a path can be pasted
 * after the variable holding the JSON.
 */

/** A step of a path: a field name, or a position in a list. */
export type PathStep = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one step to a formatted path (`""` is the value itself). */
export const appendPath = (path: string, step: PathStep): string => {
  if (typeof step === "number") return `${path}[${step}]`;
  if (IDENTIFIER.test(step)) return path === "" ? step : `${path}.${step}`;
  return `${path}[${JSON.stringify(step)}]`;
};

/** Formats a path: `formatPath(["sla", "metrics", "response", "targets", "1"])` is `sla.metrics.response.targets["1"]`. */
export const formatPath = (steps: readonly PathStep[]): string => steps.reduce<string>(appendPath, "");
