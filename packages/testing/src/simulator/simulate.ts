/**
 * `simulatePolicy(policy, workload, { from, to })`: runs a policy over a workload as a desk
 * would live it — every ticket opened in the window gets its commands at their instants, the
 * policy's timers run as a scheduler runs them until `to` — and reports what the policy made of
 * it (report.ts): attainment per metric, breaches by priority, escalations fired. So a desk can
 * see what a policy change would do before making it (`comparePolicies`, compare.ts).
 */
import type { Instant, Policy, TicketCommand } from "@ticketfold/core";
import { coreEngine, type SlaEngine } from "../ticket-run/engine.js";
import { applyCommand, runTimers, startRun, type TicketRun } from "../ticket-run/run.js";
import { instant, type When } from "../time/when.js";
import { type SimulationReport, summarise } from "./report.js";
import { type Workload, workloadTickets } from "./workload.js";

export interface SimulationWindow {
  /** Tickets opened from here (inclusive)… */
  readonly from: When;
  /** …until here (exclusive), which is also when the outcomes are read. */
  readonly to: When;
  /** The engine (default: the core's). */
  readonly engine?: SlaEngine;
}

/** One ticket's commands under the policy, the timers run before each and on to `to`. */
const simulateTicket = (base: TicketRun, commands: readonly TicketCommand[], to: Instant): TicketRun => {
  let run = base;
  for (const command of commands) {
    if (command.at >= to) break;
    run = runTimers(run, command.at);
    run = applyCommand(run, command);
  }
  return runTimers(run, to);
};

export const simulatePolicy = (policy: Policy, workload: Workload, window: SimulationWindow): SimulationReport => {
  const engine = window.engine ?? coreEngine;
  const [from, to] = [instant(window.from), instant(window.to)];
  if (!(from < to)) throw new Error("simulatePolicy: the window must end after it starts");
  const base = startRun(policy, { engine, notices: false });
  const evenMix = Object.fromEntries(policy.priorities.levels.map((l) => [l.id, 1]));
  const tickets = workloadTickets(workload, from, to, evenMix).map((commands) => simulateTicket(base, commands, to));
  return summarise(policy, tickets, from, to);
};
