/**
 * Laws of deadlines on your policy: a longer target never gives an earlier deadline, and a
 * pause never brings a deadline earlier (docs/design/sla-semantics.md#clocks; docs/design/sla-semantics.md#status-of-a-metric).
 */
import fc from "fast-check";
import type { Law } from "../law.js";
import { type LifeCase, lifeCaseArb, live, PEOPLE_MOVES, type PolicyLawContext, policyLaw } from "./context.js";
import { broken, metricsOf, shown, statusUnder } from "./reading.js";
import { withoutPauses, withTargetsScaled } from "./variants.js";

/** A compiled variant, made once per law and key (compiling calendars is not free). */
export const once = <K, V>(make: (key: K) => V): ((key: K) => V) => {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as V;
  };
};

const nowOf = (run: { state: { lastEventAt: number | null } }, c: LifeCase): number =>
  (run.state.lastEventAt ?? c.plan.start) + c.later;

export const deadlineMonotonicInTarget = (ctx: PolicyLawContext): Law<LifeCase & { factor: number }> => {
  const scaled = once((factor: number) => ctx.engine.compile(withTargetsScaled(ctx.policy, factor)));
  return policyLaw(
    ctx,
    "deadline-monotonic-in-target",
    "deadlines are monotonic in the target: every target longer never gives an earlier deadline",
    fc
      .record({ case: lifeCaseArb(ctx, PEOPLE_MOVES), factor: fc.constantFrom<number>(1.25, 1.5, 2, 3) })
      .map(({ case: c, factor }) => ({ ...c, factor })),
    (c) => {
      const run = live(ctx, c.plan, { timers: "none" });
      const longer = scaled(c.factor);
      const now = nowOf(run, c);
      const mine = statusUnder(run, run.compiled, now);
      const theirs = statusUnder(run, longer, now);
      for (const m of metricsOf(mine)) {
        const [a, b] = [mine[m], theirs[m]];
        if (a && b && b.deadline < a.deadline)
          throw broken(
            run,
            `${m}: with every target ×${c.factor} the deadline is ${shown(run, b.deadline)}, earlier than ${shown(run, a.deadline)} (read at ${shown(run, now)})`,
          );
      }
    },
  );
};

export const pauseNeverEarlier = (ctx: PolicyLawContext): Law<LifeCase> => {
  const counting = once(() => ctx.engine.compile(withoutPauses(ctx.policy)));
  return policyLaw(
    ctx,
    "pause-never-earlier",
    "pausing never brings a deadline earlier: not when the pause begins, nor than the same clock counting through it",
    lifeCaseArb(ctx, PEOPLE_MOVES),
    (c) => {
      const run = live(ctx, c.plan, { timers: "none" });
      // At the instant a pause begins, the deadline "if it resumed now" is the one just before.
      for (const entry of run.entries) {
        const before = run.engine.slaStatus(entry.before, run.compiled, entry.at);
        const after = run.engine.slaStatus(entry.after, run.compiled, entry.at);
        for (const m of metricsOf(after)) {
          const [b, a] = [before[m], after[m]];
          if (b && a && b.clock === "running" && a.clock === "paused" && a.deadline < b.deadline)
            throw broken(
              run,
              `${m}: the pause that began at ${shown(run, entry.at)} (${entry.command.type}) moved the deadline from ${shown(run, b.deadline)} to ${shown(run, a.deadline)}`,
            );
        }
      }
      const now = nowOf(run, c);
      const mine = statusUnder(run, run.compiled, now);
      const through = statusUnder(run, counting(undefined), now);
      for (const m of metricsOf(mine)) {
        const [a, b] = [mine[m], through[m]];
        if (a && b && a.deadline < b.deadline)
          throw broken(
            run,
            `${m}: with its pauses the deadline is ${shown(run, a.deadline)} (${a.state}), earlier than ${shown(run, b.deadline)} without them (read at ${shown(run, now)})`,
          );
      }
    },
  );
};
