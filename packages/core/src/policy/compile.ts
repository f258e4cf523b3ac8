/**
 * `compilePolicy`: resolves the calendar names of a policy's SLA part to compiled calendars
 * once (the policy's own `calendars`, plus the built-in "24x7"), so status computation never
 * recompiles. `compiledPolicyOf` memoises per policy value, for callers such as `decide` that
 * receive the plain policy.
 */
import * as E from "fp-ts/lib/Either.js";
import { compileCalendar, twentyFourSeven } from "../calendar/index.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { compileSlaAll } from "./compile-sla.js";
import type { CompiledPolicy } from "./compiled.js";
import type { SlaPolicyError } from "./errors.js";
import type { Policy } from "./policy.js";

/** Compiles a decoded policy; an unknown calendar name is an error naming it and where it is used. */
export const compilePolicy = (policy: Policy): E.Either<SlaPolicyError, CompiledPolicy> => {
  const all = compilePolicyAll(policy);
  return E.isLeft(all) ? E.left(all.left[0] as SlaPolicyError) : all;
};

/** `compilePolicy` with every error found, not only the first (`loadPolicy` reports them all). */
export const compilePolicyAll = (policy: Policy): E.Either<readonly SlaPolicyError[], CompiledPolicy> => {
  const compiled = new Map<string, BusinessCalendar>();
  return compileSlaAll(policy, (name) => {
    if (name === twentyFourSeven.id) return twentyFourSeven;
    const def = policy.calendars?.[name];
    if (def === undefined) return undefined;
    let cal = compiled.get(name);
    if (cal === undefined) {
      cal = compileCalendar(def);
      compiled.set(name, cal);
    }
    return cal;
  });
};

const memo = new WeakMap<Policy, E.Either<SlaPolicyError, CompiledPolicy>>();

/** Remembers a policy's compiled form (made by `loadPolicy`), so `compiledPolicyOf` finds it. */
export const rememberCompiled = (compiled: CompiledPolicy): void => {
  if (!memo.has(compiled.policy)) memo.set(compiled.policy, E.right(compiled));
};

/** `compilePolicy`, computed once per policy value (policies are immutable values). */
export const compiledPolicyOf = (policy: Policy): E.Either<SlaPolicyError, CompiledPolicy> => {
  let found = memo.get(policy);
  if (found === undefined) {
    found = compilePolicy(policy);
    memo.set(policy, found);
  }
  return found;
};
