/**
 * What every policy law is built from: the policy, the engine under test, the life plans to
 * draw tickets from, and how to run a plan into a ticket.
 */
import { type Duration, MINUTE, type Policy } from "@ticketfold/core";
import fc from "fast-check";
import { type LiveOptions, liveTicket } from "../../lives/live.js";
import { LIFE_MOVES, type LifeMove, type LifeOptions, type LifePlan, lifePlanArb } from "../../lives/plan.js";
import type { OpenFields } from "../../sla-spec/acts.js";
import { coreEngine, type SlaEngine } from "../../ticket-run/engine.js";
import { type TicketRun, TimerStall } from "../../ticket-run/run.js";
import type { Law } from "../law.js";
import { broken } from "./reading.js";

export const POLICY_LAW_IDS = [
  "deadline-monotonic-in-target",
  "pause-never-earlier",
  "retarget-keep-start-vs-restart",
  "due-idempotent",
  "next-wake-up-exact",
  "no-breach-when-met",
  "one-breach-per-run",
  "ladder-once-per-cycle",
] as const;
export type PolicyLawId = (typeof POLICY_LAW_IDS)[number];

export interface PolicyLawContext {
  readonly policy: Policy;
  readonly engine: SlaEngine;
  readonly life: LifeOptions;
  readonly fields: OpenFields;
  readonly skip: Partial<Record<PolicyLawId, string>>;
}

/** A ticket's life and a while after its last event. */
export interface LifeCase {
  readonly plan: LifePlan;
  /** How long after the last event the ticket is read. */
  readonly later: Duration;
}

/** Up to a fortnight, in minutes. */
const laterArb = fc.integer({ min: 0, max: 14 * 24 * 60 }).map((m) => m * MINUTE);

/** Life cases of plans drawing only `moves`. */
export const lifeCaseArb = (ctx: PolicyLawContext, moves: readonly LifeMove[]): fc.Arbitrary<LifeCase> =>
  fc.record({ plan: lifePlanArb(ctx.policy, { ...ctx.life, moves }), later: laterArb });

/** Every move but the timers' ticks. */
export const PEOPLE_MOVES: readonly LifeMove[] = LIFE_MOVES.filter((m) => m !== "tick");

/**
 * Runs a plan under `policy` (yours unless a law gives a variant), with the engine under test.
 * Timers that cannot run on (the engine wakes with nothing due, or a due command is refused)
 * break the law, with the ticket's timeline as far as it got.
 */
export const live = (
  ctx: PolicyLawContext,
  plan: LifePlan,
  options: LiveOptions = {},
  policy: Policy = ctx.policy,
): TicketRun => {
  try {
    return liveTicket(policy, plan, { engine: ctx.engine, fields: ctx.fields, ...options });
  } catch (error) {
    if (error instanceof TimerStall) throw broken(error.run, `the timers could not run on: ${error.message}`);
    throw error;
  }
};

/** A law of this policy, skipped when the options say so. */
export const policyLaw = <T>(
  ctx: PolicyLawContext,
  id: PolicyLawId,
  name: string,
  arbitrary: fc.Arbitrary<T>,
  holds: (value: T) => void,
): Law<T> => ({ id, name, arbitrary, holds, ...(ctx.skip[id] === undefined ? {} : { skip: ctx.skip[id] }) });

export { coreEngine };
