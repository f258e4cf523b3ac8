/**
 * Laws of the time-driven rules on your policy (docs/design/sla-semantics.md#time-driven-rules): `due` is
 * idempotent — what it yields is accepted, and applying it then asking again at the same
 * instant yields nothing, nor does applying it twice — and `nextWakeUp` is exact: nothing
 * changes strictly before it (no command due, no clock changing state), and something is due
 * at it.
 */
import type { Instant, TicketState } from "@ticketfold/core";
import fc from "fast-check";
import { LIFE_MOVES } from "../../lives/plan.js";
import { applyCommand, type TicketRun } from "../../ticket-run/run.js";
import type { Law } from "../law.js";
import { type LifeCase, lifeCaseArb, live, type PolicyLawContext, policyLaw } from "./context.js";
import { broken, shown } from "./reading.js";

const describeCommands = (commands: readonly { type: string; data: unknown }[]): string =>
  commands.map((c) => `${c.type} ${JSON.stringify(c.data)}`).join("; ") || "nothing";

export const dueIdempotent = (ctx: PolicyLawContext): Law<LifeCase> =>
  policyLaw(
    ctx,
    "due-idempotent",
    "due is idempotent: its commands are accepted, and applying them then asking again at the same instant yields nothing",
    // Timers run only where the plan ticks, so a ticket often has much due at once.
    lifeCaseArb(ctx, LIFE_MOVES),
    (c) => {
      let run = live(ctx, c.plan, { timers: "ticks" });
      const now = (run.state.lastEventAt ?? c.plan.start) + c.later;
      const commands = run.engine.due(run.state, run.compiled, now);
      for (const command of commands) {
        const next = applyCommand(run, command, "timers");
        const entry = next.entries[next.entries.length - 1];
        if (entry?.error)
          throw broken(
            next,
            `due at ${shown(run, now)} yielded ${command.type}, which decide refuses: ${entry.error.message}`,
          );
        run = next;
      }
      const again = run.engine.due(run.state, run.compiled, now);
      if (again.length > 0)
        throw broken(
          run,
          `after applying what due yielded at ${shown(run, now)}, due yields again: ${describeCommands(again)}`,
        );
      for (const command of commands) {
        const twice = run.engine.decide(command, run.state, run.policy);
        if (twice._tag === "Right" && twice.right.length > 0)
          throw broken(
            run,
            `${command.type} applied twice at ${shown(run, now)} appends ${twice.right.map((e) => e.type).join(", ")} again`,
          );
      }
    },
  );

/**
 * What must not change before a wake-up: the clocks' states. (A ladder level rising with no
 * wake-up is a step that did not fire: the ladder law's to find.)
 */
const observed = (run: TicketRun, state: TicketState, at: Instant): string =>
  Object.values(run.engine.slaStatus(state, run.compiled, at))
    .map((m) => `${m.metric}:${m.state}`)
    .join(", ");

export const nextWakeUpExact = (ctx: PolicyLawContext): Law<LifeCase & { samples: readonly number[] }> =>
  policyLaw<LifeCase & { samples: readonly number[] }>(
    ctx,
    "next-wake-up-exact",
    "nextWakeUp is exact: nothing changes strictly before it, something is due at it (followed through 8 wake-ups)",
    fc
      .record({
        case: lifeCaseArb(ctx, LIFE_MOVES),
        samples: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 1,
          maxLength: 3,
        }),
      })
      .map(({ case: c, samples }) => ({ ...c, samples })),
    (c) => {
      let run = live(ctx, c.plan, { timers: "ticks" });
      let last = run.state.lastEventAt ?? c.plan.start;
      for (let round = 0; round < 8; round++) {
        const wake = run.engine.nextWakeUp(run.state, run.compiled);
        if (wake === null) {
          const due = run.engine.due(run.state, run.compiled, last + c.later);
          if (due.length > 0)
            throw broken(
              run,
              `nextWakeUp is null, yet at ${shown(run, last + c.later)} due yields ${describeCommands(due)}`,
            );
          return;
        }
        const before = observed(run, run.state, last);
        for (const s of [...c.samples.map((f) => last + Math.floor(f * (wake - last))), wake - 1]) {
          if (s < last || s >= wake) continue;
          const due = run.engine.due(run.state, run.compiled, s);
          if (due.length > 0)
            throw broken(
              run,
              `the next wake-up is ${shown(run, wake)}, but at ${shown(run, s)} due already yields ${describeCommands(due)}`,
            );
          const now = observed(run, run.state, s);
          if (now !== before)
            throw broken(
              run,
              `the next wake-up is ${shown(run, wake)}, but by ${shown(run, s)} the ticket changed from ${before} to ${now}`,
            );
        }
        const at = Math.max(wake, last);
        const commands = run.engine.due(run.state, run.compiled, at);
        if (commands.length === 0)
          throw broken(run, `the ticket wakes at ${shown(run, wake)}, but nothing is due then`);
        for (const command of commands) run = applyCommand(run, command, "timers");
        last = at;
      }
    },
  );
