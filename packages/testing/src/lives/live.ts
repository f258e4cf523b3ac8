/**
 * Runs a life plan (plan.ts) through the engine: the opening, then each move at its instant,
 * as the requester or the agent would do it. A move the ticket does not allow then (a reply to
 * a closed ticket) is refused and changes nothing, as in an app. The timers run as chosen: as a
 * scheduler runs them (at every wake-up), only where the plan ticks, or not at all.
 */
import type { Instant, Policy, TicketCommand } from "@ticketfold/core";
import { TENANT, TICKET } from "../fixtures/commands.js";
import { type Act, acts, type OpenFields } from "../sla-spec/acts.js";
import type { SlaEngine } from "../ticket-run/engine.js";
import { applyCommand, runTimers, startRun, type TicketRun } from "../ticket-run/run.js";
import type { LifeMove, LifePlan } from "./plan.js";

export interface LiveOptions {
  readonly engine?: SlaEngine;
  /**
   * `"scheduler"`: the timers run at every wake-up before each move and up to `until`;
   * `"ticks"`: only at `tick` moves (so a state may have much due); `"none"`: never.
   * Default `"scheduler"`.
   */
  readonly timers?: "scheduler" | "ticks" | "none";
  /** With the scheduler: run the timers on to this instant after the last move. */
  readonly until?: Instant;
  /** Fields to open with, besides every intake field (so any policy's required fields are there). */
  readonly fields?: OpenFields;
  /** Compute notification intents (default false). */
  readonly notices?: boolean;
  /**
   * Called with the run as it stands before each move (after the timers ran up to its
   * instant), and at the end (at `until`, or the last move's instant): a law's checkpoint.
   */
  readonly observe?: (run: TicketRun, at: Instant) => void;
}

/** Every field a policy can require, answered (so a ticket opens under any workflow). */
export const everyIntakeField: OpenFields = {
  organisation: "example-co",
  contractId: "C-1001",
  product: "DL380-G10",
  serialNumber: "CZJ12345",
  affectedUsers: 1,
  totalUsers: 10,
  intake: { startedAt: "this morning", troubleshooting: "restarted", location: "remote", impactOnWork: "slow" },
};

const a = acts();

const actOf = (move: Exclude<LifeMove, "tick">, arg: number, policy: Policy): Act => {
  switch (move) {
    case "accept":
      return a.accept();
    case "reply":
      return a.reply();
    case "note":
      return a.note();
    case "comment":
      return a.comment();
    case "await":
      return a.askCustomer();
    case "plan":
      return a.sharePlan();
    case "resolve":
      return a.resolve();
    case "reopen":
      return a.reopen();
    case "close":
      return a.close();
    case "priority": {
      const levels = policy.priorities.levels;
      return a.changePriority(levels[arg % levels.length]?.id ?? policy.priorities.default);
    }
    case "escalate":
      return a.requestEscalation();
    case "approve":
      return a.approveChange();
  }
};

const commandOf = (act: Act, at: Instant): TicketCommand =>
  ({ ...act, ticketId: TICKET, tenantId: TENANT, at }) as TicketCommand;

/** The ticket a plan makes under `policy` (see the module note). */
export const liveTicket = (policy: Policy, plan: LifePlan, options: LiveOptions = {}): TicketRun => {
  const timers = options.timers ?? "scheduler";
  let run = startRun(policy, {
    notices: options.notices ?? false,
    ...(options.engine ? { engine: options.engine } : {}),
  });
  const open = a.open({ channel: "web", ...everyIntakeField, ...options.fields, priority: plan.priority });
  run = applyCommand(run, commandOf(open, plan.start));
  let at = plan.start;
  for (const [gap, move, arg] of plan.moves) {
    at += gap;
    if (timers === "scheduler") run = runTimers(run, at);
    options.observe?.(run, at);
    if (move === "tick") {
      if (timers === "ticks")
        for (const c of run.engine.due(run.state, run.compiled, at)) run = applyCommand(run, c, "timers");
      continue;
    }
    run = applyCommand(run, commandOf(actOf(move, arg, policy), at));
  }
  if (timers === "scheduler" && options.until !== undefined) run = runTimers(run, options.until);
  options.observe?.(run, options.until ?? at);
  return run;
};
