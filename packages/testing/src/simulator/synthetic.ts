/**
 * A synthetic workload's tickets: arrivals drawn hour by hour (a Poisson count at the hour's
 * rate, spread over the hour, in the desk's zone), and for each ticket what its people do —
 * the agent accepts and answers after the first-reply time (counted in the agents' hours),
 * sometimes shares a plan, sometimes asks the customer first and waits for the answer, then
 * resolves; now and then the customer reopens and the agent resolves again.
 */
import {
  compileCalendar,
  type Instant,
  type TicketCommand,
  tenantId,
  ticketId,
  twentyFourSeven,
} from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";
import { everyIntakeField } from "../lives/live.js";
import { type Act, acts } from "../sla-spec/acts.js";
import { type Distribution, pick, poisson, type Random, sampleDuration, seededRandom } from "./random.js";
import type { AgentBehaviour, ArrivalRate, SyntheticWorkload } from "./workload.js";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

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

/** The commands of the synthetic tickets opened in `[from, to)`, per ticket, each in order. */
export const syntheticTickets = (
  workload: SyntheticWorkload,
  from: Instant,
  to: Instant,
  mix: Readonly<Record<string, number>>,
): TicketCommand[][] => {
  const random = seededRandom(workload.seed);
  return arrivalsIn(workload, from, to, random).map((at, n) => ticketScript(workload, n, at, mix, random));
};
