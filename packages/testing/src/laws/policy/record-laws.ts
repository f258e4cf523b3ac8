/**
 * Laws of what the timers record on your policy, with the timers run as a scheduler runs them
 * (at every wake-up): no breach is recorded for a metric that was met (at the moment a breach
 * is recorded, its clock is breached; a metric met in its cycle has no breach in that cycle);
 * and the escalation ladder fires each step once per cycle of its metric — never twice in a
 * cycle, and in every cycle in which the step is reached while the ticket is live; and a clock
 * late is breached once: a re-target under keep start (the same run: same start), such as a
 * downgrade on silence, that leaves it late records no second breach — only a clock that was on
 * time again (a looser target) or a new run (a restart, `reopen: "restart"`, a next-reply batch)
 * can be breached again.
 */
import { DAY, type Instant, type MetricName } from "@ticketfold/core";
import type { TicketRun } from "../../ticket-run/run.js";
import type { Law } from "../law.js";
import { type LifeCase, lifeCaseArb, live, PEOPLE_MOVES, type PolicyLawContext, policyLaw } from "./context.js";
import { broken, shown } from "./reading.js";

/** The scheduler runs on a month past the last move, so late breaches and steps come too. */
const horizon = (c: LifeCase): Instant => c.plan.start + c.plan.moves.reduce((sum, [gap]) => sum + gap, 0) + 30 * DAY;

export const noBreachWhenMet = (ctx: PolicyLawContext): Law<LifeCase> =>
  policyLaw(
    ctx,
    "no-breach-when-met",
    "no breach is recorded for a met metric",
    lifeCaseArb(ctx, PEOPLE_MOVES),
    (c) => {
      const run = live(ctx, c.plan, { until: horizon(c) });
      for (const entry of run.entries) {
        for (const event of entry.events) {
          if (event.type !== "sla-breached") continue;
          const status = run.engine.slaStatus(entry.before, run.compiled, entry.at)[event.data.metric];
          if (status?.state !== "breached")
            throw broken(
              run,
              `a breach of ${event.data.metric} (cycle ${event.data.cycle}) was recorded at ${shown(run, entry.at)}, when the clock was ${status?.state ?? "absent"}`,
            );
        }
      }
      const end = horizon(c);
      for (const status of Object.values(run.engine.slaStatus(run.state, run.compiled, end))) {
        if (status.state === "met" && run.state.slaRecords.includes(`${status.metric}/${status.cycle}/breach`))
          throw broken(
            run,
            `${status.metric} is met in cycle ${status.cycle}, yet a breach is recorded for that cycle`,
          );
      }
    },
  );

export const oneBreachPerRun = (ctx: PolicyLawContext): Law<LifeCase> =>
  policyLaw(
    ctx,
    "one-breach-per-run",
    "a clock late is breached once: a re-target that leaves it late records no second breach",
    lifeCaseArb(ctx, PEOPLE_MOVES),
    (c) => {
      const run = live(ctx, c.plan, { until: horizon(c) });
      // Per metric: the start of the run last breached and when, and whether the clock has been
      // on time since (a looser target gave time back; a restart began a new run).
      const last = new Map<MetricName, { start: Instant; at: Instant; since: boolean }>();
      for (const entry of run.entries) {
        for (const event of entry.events) {
          if (event.type !== "sla-breached") continue;
          const status = run.engine.slaStatus(entry.before, run.compiled, entry.at)[event.data.metric];
          if (status === undefined) continue;
          const prior = last.get(event.data.metric);
          if (prior !== undefined && prior.start === status.startedAt && !prior.since)
            throw broken(
              run,
              `${event.data.metric} was breached again at ${shown(run, entry.at)} (cycle ${event.data.cycle}) in the run that started at ` +
                `${shown(run, status.startedAt)}, late without a break since its breach at ${shown(run, prior.at)}`,
            );
          last.set(event.data.metric, { start: status.startedAt, at: entry.at, since: false });
        }
        const after = run.engine.slaStatus(entry.after, run.compiled, entry.at);
        for (const [metric, prior] of last) {
          const now = after[metric];
          if (now === undefined || now.startedAt !== prior.start || now.state !== "breached") prior.since = true;
        }
      }
    },
  );

const LIVE = new Set(["new", "open", "awaiting-customer"]);

/** Each ladder record with the cycle its metric was in when it was recorded. */
const ladderRecords = (
  run: TicketRun,
): { step: number; metric: MetricName; cycle: number | undefined; at: Instant }[] =>
  run.entries.flatMap((entry) =>
    entry.events.flatMap((event) =>
      event.type === "escalation-level-reached"
        ? [
            {
              step: event.data.step,
              metric: event.data.metric,
              cycle: run.engine.slaStatus(entry.before, run.compiled, entry.at)[event.data.metric]?.cycle,
              at: entry.at,
            },
          ]
        : [],
    ),
  );

export const ladderOncePerCycle = (ctx: PolicyLawContext): Law<LifeCase> =>
  policyLaw(
    ctx,
    "ladder-once-per-cycle",
    "the escalation ladder fires each step once per cycle of its metric",
    lifeCaseArb(ctx, PEOPLE_MOVES),
    (c) => {
      const checkpoint = (run: TicketRun, now: Instant) => {
        const records = ladderRecords(run);
        const seen = new Set<string>();
        for (const r of records) {
          const key = `${r.step}/${r.cycle}`;
          if (seen.has(key))
            throw broken(
              run,
              `ladder step ${r.step} (${r.metric}) fired twice in cycle ${r.cycle}, again at ${shown(run, r.at)}`,
            );
          seen.add(key);
        }
        if (!LIVE.has(run.state.status)) return;
        const sla = run.engine.slaStatus(run.state, run.compiled, now);
        for (const step of run.engine.escalationStatus(run.state, run.compiled, now).reached) {
          const cycle = sla[step.metric]?.cycle;
          if (cycle === undefined || seen.has(`${step.step}/${cycle}`)) continue;
          const fired = records
            .filter((r) => r.step === step.step)
            .map((r) => `cycle ${r.cycle} at ${shown(run, r.at)}`);
          throw broken(
            run,
            `ladder step ${step.step} (level ${step.level}, ${step.metric}) was reached at ${shown(run, step.at)} in cycle ${cycle} ` +
              `of ${step.metric}, but by ${shown(run, now)} it has not fired in that cycle (fired: ${fired.join(", ") || "never"})`,
          );
        }
      };
      live(ctx, c.plan, { until: horizon(c), observe: checkpoint });
    },
  );
