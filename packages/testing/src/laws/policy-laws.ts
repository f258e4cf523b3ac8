/**
 * The policy laws as ready-made properties for your policy: `checkPolicyLaws(policy)` runs
 * them all on tickets drawn under it (realistic lives, the timers run as a scheduler runs
 * them) and throws, naming each failing law with its counterexample's timeline, when any
 * fails; `policyLaws(policy)` gives them one by one, for a test per law.
 */
import type { Policy } from "@ticketfold/core";
import type { LifeOptions } from "../lives/plan.js";
import type { OpenFields } from "../sla-spec/acts.js";
import { coreEngine, type SlaEngine } from "../ticket-run/engine.js";
import { checkLaws, type Law, type LawReport, type LawRunOptions } from "./law.js";
import type { PolicyLawContext, PolicyLawId } from "./policy/context.js";
import { deadlineMonotonicInTarget, pauseNeverEarlier } from "./policy/deadline-laws.js";
import { ladderOncePerCycle, noBreachWhenMet, oneBreachPerRun } from "./policy/record-laws.js";
import { retargetKeepStartVsRestart } from "./policy/retarget-law.js";
import { dueIdempotent, nextWakeUpExact } from "./policy/timer-laws.js";

export interface PolicyLawOptions extends LawRunOptions, Omit<LifeOptions, "moves"> {
  /** The engine under test (default: the core's); see `engineWith`. */
  readonly engine?: SlaEngine;
  /** Laws not to run, each with the reason (it is reported). */
  readonly skip?: Partial<Record<PolicyLawId, string>>;
  /** Fields every ticket opens with, besides every intake field (`organisation`, `category`, …). */
  readonly fields?: OpenFields;
}

/** The policy laws for `policy` (see the module note). */
export const policyLaws = (policy: Policy, options: PolicyLawOptions = {}): Law[] => {
  const ctx: PolicyLawContext = {
    policy,
    engine: options.engine ?? coreEngine,
    life: {
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.maxMoves === undefined ? {} : { maxMoves: options.maxMoves }),
    },
    fields: options.fields ?? {},
    skip: options.skip ?? {},
  };
  // Fail early, naming the policy, if it does not compile.
  ctx.engine.compile(policy);
  return [
    deadlineMonotonicInTarget(ctx),
    pauseNeverEarlier(ctx),
    retargetKeepStartVsRestart(ctx),
    dueIdempotent(ctx),
    nextWakeUpExact(ctx),
    noBreachWhenMet(ctx),
    oneBreachPerRun(ctx),
    ladderOncePerCycle(ctx),
  ] as Law[];
};

/** Runs every policy law on `policy`; returns the report, or throws `LawsFailed` when any fails. */
export const checkPolicyLaws = (policy: Policy, options: PolicyLawOptions = {}): LawReport =>
  checkLaws(`policy ${policy.id}`, policyLaws(policy, options), options);
