/**
 * `loadPolicy`: the one step from JSON to a policy the engine can run. It decodes strictly (a
 * field the policy does not define, at any depth, is an error), checks every reference the
 * decoder cannot (calendar names, priorities on the scale, thresholds) and compiles, and it
 * reports every error it finds at once, each with its path in one notation
 * (`sla.metrics.response.targets["1"]`: shared/path.ts), rather than the first one.
 */
import * as E from "fp-ts/lib/Either.js";
import { UNKNOWN_FIELD } from "../shared/known-fields.js";
import { formatPath, type PathStep } from "../shared/path.js";
import { compilePolicyAll, rememberCompiled } from "./compile.js";
import type { CompiledPolicy } from "./compiled.js";
import type { SlaPolicyError } from "./errors.js";
import type { Policy } from "./policy.js";
import { decodePolicy } from "./policy.js";

/** One thing wrong with a policy, at its path. */
export type PolicyLoadError =
  /** A field the policy does not define (a typo such as `retaget`): refused, never ignored. */
  | { readonly code: "UNKNOWN_FIELD"; readonly path: string; readonly message: string }
  /** A value of the wrong shape: a malformed duration, a status that does not exist, … */
  | { readonly code: "INVALID_VALUE"; readonly path: string; readonly expected: string; readonly message: string }
  /** A reference outside the SLA part that leads nowhere: a priority not on the scale, an unknown calendar. */
  | { readonly code: "INVALID_POLICY"; readonly path: string; readonly message: string }
  | SlaPolicyError;

const invalid = (steps: readonly PathStep[], message: string): PolicyLoadError => {
  const path = formatPath(steps);
  return { code: "INVALID_POLICY", path, message: `${path}: ${message}` };
};

/** References outside the SLA part (which `compilePolicy` checks): priorities and calendars named elsewhere. */
const referenceErrors = (policy: Policy): PolicyLoadError[] => {
  const errors: PolicyLoadError[] = [];
  const scale = policy.priorities;
  const onScale = new Set<string>();
  for (const [i, level] of scale.levels.entries()) {
    if (onScale.has(level.id))
      errors.push(invalid(["priorities", "levels", i, "id"], `priority "${level.id}" is defined twice`));
    onScale.add(level.id);
  }
  const priority = (steps: readonly PathStep[], id: string) => {
    if (!onScale.has(id)) errors.push(invalid(steps, `priority "${id}" is not on the scale`));
  };
  if (scale.levels.length === 0)
    errors.push(invalid(["priorities", "levels"], "the scale needs at least one priority"));
  else priority(["priorities", "default"], scale.default);
  if (scale.impact) {
    priority(["priorities", "impact", "singleUser"], scale.impact.singleUser);
    priority(["priorities", "impact", "otherwise"], scale.impact.otherwise);
    for (const [i, rule] of scale.impact.rules.entries())
      priority(["priorities", "impact", "rules", i, "priority"], rule.priority);
  }
  for (const [i, p] of (policy.workflow?.phoneInPriorities ?? []).entries())
    priority(["workflow", "phoneInPriorities", i], p);
  const notifications = policy.notifications ?? {};
  for (const [i, p] of (notifications.phoneIn?.priorities ?? []).entries())
    priority(["notifications", "phoneIn", "priorities", i], p);
  for (const [i, p] of (notifications.urgentPriorities ?? []).entries())
    priority(["notifications", "urgentPriorities", i], p);
  const quiet = notifications.quietHours?.calendar;
  const calendars = ["24x7", ...Object.keys(policy.calendars ?? {})];
  if (quiet !== undefined && !calendars.includes(quiet))
    errors.push(
      invalid(
        ["notifications", "quietHours", "calendar"],
        `calendar "${quiet}" is not defined by the policy (known: ${calendars.join(", ")})`,
      ),
    );
  return errors;
};

/**
 * Loads a policy from JSON: decoded strictly, every reference checked, compiled. Returns the
 * compiled policy (its `policy` is the decoded one), or every error found, each with its path.
 * A policy that decodes but has errors reports them all (unknown calendars, priorities off the
 * scale, thresholds that make no sense) in one go. Never throws, whatever it is given.
 */
export const loadPolicy = (input: unknown): E.Either<readonly PolicyLoadError[], CompiledPolicy> => {
  try {
    return load(input);
  } catch (error) {
    // Only a value no JSON text gives can get here (a getter that throws, say): refuse it.
    const reason = error instanceof Error ? error.message : String(error);
    return E.left([
      { code: "INVALID_VALUE", path: "", expected: "Policy", message: `value: not readable (${reason})` },
    ]);
  }
};

const load = (input: unknown): E.Either<readonly PolicyLoadError[], CompiledPolicy> => {
  const decoded = decodePolicy(input);
  if (E.isLeft(decoded))
    return E.left(
      decoded.left.issues.map(
        (issue): PolicyLoadError =>
          issue.expected === UNKNOWN_FIELD
            ? { code: "UNKNOWN_FIELD", path: issue.path, message: issue.message }
            : { code: "INVALID_VALUE", path: issue.path, expected: issue.expected, message: issue.message },
      ),
    );
  const references = referenceErrors(decoded.right);
  const compiled = compilePolicyAll(decoded.right);
  const errors = [...references, ...(E.isLeft(compiled) ? compiled.left : [])];
  if (errors.length > 0 || E.isLeft(compiled)) return E.left(errors);
  rememberCompiled(compiled.right);
  return compiled;
};
