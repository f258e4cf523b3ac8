/**
 * The re-target law on your policy (docs/design/sla-semantics.md#re-targeting): keep start and restart agree on
 * a ticket whose priority never changed; restart never gives an earlier deadline than keep
 * start; and keep start gives exactly the deadline of the same ticket opened at the new
 * priority — "the new target applies from the metric's original start, minus the paused time".
 * "Restart is never earlier" holds for counted targets only: a target at a time of day
 * (`end-of-business-day`, `next-business-day-at`) restarted at the change is read from the
 * change's day, which can be earlier than the same rule read from the original start
 * (docs/sla.md, "Targets at a time of day").
 */
import { isDeepStrictEqual } from "node:util";
import type { Policy } from "@ticketfold/core";
import type { LifePlan } from "../../lives/plan.js";
import type { Law } from "../law.js";
import { type LifeCase, lifeCaseArb, live, PEOPLE_MOVES, type PolicyLawContext, policyLaw } from "./context.js";
import { once } from "./deadline-laws.js";
import { broken, metricsOf, shown, statusUnder } from "./reading.js";
import { withRetarget } from "./variants.js";

/** Escalation requests depend on the priority's targets; the law's tickets make none. */
const MOVES = PEOPLE_MOVES.filter((m) => m !== "escalate");

/** Whether `priority`'s target of `metric` is a time of day (`{ kind: … }`), not a counted time. */
const atTimeOfDay = (policy: Policy, metric: string, priority: string): boolean => {
  const metrics: Readonly<Record<string, { readonly targets: Readonly<Record<string, unknown>> } | undefined>> =
    policy.sla?.metrics ?? {};
  const target = metrics[metric]?.targets[priority];
  return typeof target === "object" && target !== null && "kind" in target;
};

/** The same ticket opened at `priority`, its priority changes left out (their instants kept as no-ops). */
const openedAt = (plan: LifePlan, priority: string): LifePlan => ({
  ...plan,
  priority,
  moves: plan.moves.map(([gap, move, arg]) => [gap, move === "priority" ? "tick" : move, arg] as const),
});

export const retargetKeepStartVsRestart = (ctx: PolicyLawContext): Law<LifeCase> => {
  const keepPolicy = once(() => withRetarget(ctx.policy, "keep-start"));
  const restart = once(() => ctx.engine.compile(withRetarget(ctx.policy, "restart")));
  return policyLaw(
    ctx,
    "retarget-keep-start-vs-restart",
    "re-targeting: keep start and restart agree without a change; restart is never earlier; keep start = opened at the new priority",
    lifeCaseArb(ctx, MOVES),
    (c) => {
      const run = live(ctx, c.plan, { timers: "none" }, keepPolicy(undefined));
      const now = (run.state.lastEventAt ?? c.plan.start) + c.later;
      const keep = statusUnder(run, run.compiled, now);
      const restarted = statusUnder(run, restart(undefined), now);
      const changed = run.events.some((e) => e.type === "prioritised" || e.type === "policy-changed");
      if (!changed && !isDeepStrictEqual(keep, restarted))
        throw broken(
          run,
          `without a priority change, keep start and restart disagree at ${shown(run, now)}:\n${JSON.stringify({ keep, restarted })}`,
        );
      for (const m of metricsOf(keep)) {
        const [k, r] = [keep[m], restarted[m]];
        if (k && r && r.deadline < k.deadline && !atTimeOfDay(ctx.policy, m, r.priority))
          throw broken(
            run,
            `${m}: restart's deadline ${shown(run, r.deadline)} is earlier than keep start's ${shown(run, k.deadline)}`,
          );
        if (!k || !changed) continue;
        const direct = live(ctx, openedAt(c.plan, k.priority), { timers: "none" }, keepPolicy(undefined));
        const opened = direct.events.find((e) => e.type === "opened");
        if (opened?.type !== "opened" || opened.data.priority !== k.priority) continue;
        const d = statusUnder(direct, direct.compiled, now)[m];
        if (d?.deadline !== k.deadline)
          throw broken(
            run,
            `${m}: keep start gives ${shown(run, k.deadline)} at priority ${k.priority}, but the same ticket opened at ${k.priority} is due ${shown(run, d?.deadline)}`,
          );
      }
    },
  );
};
