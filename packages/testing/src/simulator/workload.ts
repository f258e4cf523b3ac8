/**
 * Workloads for the simulator: a synthetic one, drawn from a seed — tickets arriving at rates
 * per weekday and hour (in the desk's zone), a priority mix, and how long agents and customers
 * take — or a recorded one (recorded.ts). Either way a workload becomes a list of commands at
 * instants, per ticket: what people did, never what the timers did (the simulated policy's own
 * timers decide that).
 */
import type { CalendarDef, Instant, TicketCommand } from "@ticketfold/core";
import type { OpenFields } from "../sla-spec/acts.js";
import type { Distribution } from "./random.js";
import { syntheticTickets } from "./synthetic.js";

type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Tickets per hour at a weekday and local hour (0–23). */
export type ArrivalRate = (weekday: Weekday, hour: number) => number;

export interface AgentBehaviour {
  /** From opening to the agent's acceptance and first public reply, counted in the agents' hours. */
  readonly firstReply: Distribution;
  /** From the first reply (or the customer's answer) to the resolution, in the agents' hours. */
  readonly resolve: Distribution;
  /** The share of tickets on which the agent asks the customer something first (default 0.3). */
  readonly askShare?: number;
  /** The share of tickets with a resolution plan shared at the first reply (default 0.5). */
  readonly planShare?: number;
  /** When agents work (default: always). */
  readonly hours?: CalendarDef;
}

export interface CustomerBehaviour {
  /** How long a customer takes to answer a question, in wall time (default: log-normal, median 4h). */
  readonly answer?: Distribution;
  /** The share of resolved tickets the customer reopens (default 0.05). */
  readonly reopenShare?: number;
}

export interface SyntheticWorkloadOptions {
  readonly seed: number;
  /** The zone arrival hours are read in (default UTC). */
  readonly zone?: string;
  /** Tickets per hour by weekday and hour (default `officeArrivals(2)`). */
  readonly arrivals?: ArrivalRate;
  /** Priority ids and their weights; ids a policy does not know open at its default (default: the policy's own scale, evenly). */
  readonly priorities?: Readonly<Record<string, number>>;
  readonly agents?: AgentBehaviour;
  readonly customers?: CustomerBehaviour;
  /** Fields every ticket opens with (default: every intake field answered). */
  readonly fields?: OpenFields;
}

export interface SyntheticWorkload extends SyntheticWorkloadOptions {
  readonly kind: "synthetic";
}

export interface RecordedWorkload {
  readonly kind: "recorded";
  /** Every ticket's commands, in order of their instants. */
  readonly commands: readonly TicketCommand[];
}

export type Workload = SyntheticWorkload | RecordedWorkload;

/** A synthetic workload (see the module note); only the seed is required. */
export const syntheticWorkload = (options: SyntheticWorkloadOptions): SyntheticWorkload => ({
  kind: "synthetic",
  ...options,
});

/** The commands of a workload's tickets opened in `[from, to)`, grouped per ticket, each in order. */
export const workloadTickets = (
  workload: Workload,
  from: Instant,
  to: Instant,
  defaultMix: Readonly<Record<string, number>>,
): TicketCommand[][] => {
  if (workload.kind === "recorded") {
    const byTicket = new Map<string, TicketCommand[]>();
    for (const c of [...workload.commands].sort((x, y) => x.at - y.at)) {
      const key = `${c.tenantId}/${c.ticketId}`;
      byTicket.set(key, [...(byTicket.get(key) ?? []), c]);
    }
    return [...byTicket.values()].filter((cs) => cs[0]?.type === "open" && cs[0].at >= from && cs[0].at < to);
  }
  return syntheticTickets(workload, from, to, workload.priorities ?? defaultMix);
};
