/**
 * Workloads for the simulator: a synthetic one, drawn from a seed — tickets arriving at rates
 * per weekday and hour (in the desk's zone), a priority mix, and how long agents and customers
 * take — or a recorded one (recorded.ts). Either way a workload becomes a list of commands at
 * instants, per ticket: what people did, never what the timers did (the simulated policy's own
 * timers decide that).
 */
import {
  type CalendarDef,
  compileCalendar,
  type Instant,
  type TicketCommand,
  tenantId,
  ticketId,
  twentyFourSeven,
} from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";
import { everyIntakeField } from "../lives/live.js";
import { type Act, acts, type OpenFields } from "../sla-spec/acts.js";
import { type Distribution, pick, poisson, type Random, sampleDuration, seededRandom } from "./random.js";

type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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

/**
 * A desk's day: `perHour` tickets an hour on weekdays from 08:00 to 18:00 (twice that from 09:00
 * to 11:00), a tenth of it at night, a twentieth at the weekend.
 */
export const officeArrivals =
  (perHour: number): ArrivalRate =>
  (weekday, hour) => {
    if (weekday === "sat" || weekday === "sun") return perHour / 20;
    if (hour >= 9 && hour < 11) return 2 * perHour;
    return hour >= 8 && hour < 18 ? perHour : perHour / 10;
  };

const DEFAULT_AGENTS: AgentBehaviour = {
  firstReply: { logNormal: { median: "45m", spread: 2 } },
  resolve: { logNormal: { median: "6h", spread: 2.5 } },
};

/** A synthetic workload (see the module note); only the seed is required. */
export const syntheticWorkload = (options: SyntheticWorkloadOptions): SyntheticWorkload => ({
  kind: "synthetic",
  ...options,
});

const TENANT = tenantId("simulated-desk");

/** The ticket id of the n-th simulated ticket (a valid ULID). */
const simulatedId = (n: number) => ticketId(`01HS${String(n).padStart(22, "0")}`);

/** When tickets arrive in `[from, to)`: each local hour's count is Poisson at its rate, spread over the hour. */
const arrivalsIn = (w: SyntheticWorkload, from: Instant, to: Instant, random: Random): Instant[] => {
  const zone = w.zone ?? "UTC";
  const rate = w.arrivals ?? officeArrivals(2);
  const out: Instant[] = [];
  let hour = Temporal.Instant.fromEpochMilliseconds(from)
    .toZonedDateTimeISO(zone)
    .round({ smallestUnit: "hour", roundingMode: "floor" });
  while (hour.epochMilliseconds < to) {
    const next = hour.add({ hours: 1 });
    const n = poisson(rate(WEEKDAYS[hour.dayOfWeek - 1] ?? "mon", hour.hour), random);
    const span = next.epochMilliseconds - hour.epochMilliseconds;
    for (let i = 0; i < n; i++) {
      const at = hour.epochMilliseconds + Math.floor(random() * span);
      if (at >= from && at < to) out.push(at);
    }
    hour = next;
  }
  return out.sort((a, b) => a - b);
};

/** One ticket's commands: opened, accepted and answered, perhaps asked, resolved, perhaps reopened. */
const ticketScript = (
  w: SyntheticWorkload,
  n: number,
  opened: Instant,
  priorities: Readonly<Record<string, number>>,
  random: Random,
): TicketCommand[] => {
  const agents = w.agents ?? DEFAULT_AGENTS;
  const customers = w.customers ?? {};
  const hours = agents.hours === undefined ? twentyFourSeven : compileCalendar(agents.hours);
  const work = (from: Instant, d: Distribution) => hours.add(hours.nextOpen(from), sampleDuration(d, random));
  const answer = (from: Instant) =>
    from + sampleDuration(customers.answer ?? { logNormal: { median: "4h", spread: 3 } }, random);
  const a = acts();
  const id = simulatedId(n);
  const steps: [Instant, Act][] = [
    [opened, a.open({ channel: "web", ...everyIntakeField, ...w.fields, priority: pick(priorities, random) })],
  ];
  let t = work(opened, agents.firstReply);
  steps.push([t, a.accept()], [t, a.reply()]);
  if (random() < (agents.planShare ?? 0.5)) steps.push([t, a.sharePlan()]);
  if (random() < (agents.askShare ?? 0.3)) {
    steps.push([t + 60_000, a.askCustomer()]);
    t = answer(t + 60_000);
    steps.push([t, a.comment()]);
  }
  t = work(t, agents.resolve);
  steps.push([t, a.resolve()]);
  if (random() < (customers.reopenShare ?? 0.05)) {
    t = answer(t);
    steps.push([t, a.reopen()], [work(t, agents.resolve), a.resolve()]);
  }
  return steps.map(([at, act]) => ({ ...act, ticketId: id, tenantId: TENANT, at }) as TicketCommand);
};

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
  const random = seededRandom(workload.seed);
  const mix = workload.priorities ?? defaultMix;
  return arrivalsIn(workload, from, to, random).map((at, n) => ticketScript(workload, n, at, mix, random));
};
