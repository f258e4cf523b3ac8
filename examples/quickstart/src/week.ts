/**
 * The SLA week as the demo runs it, twice on one store: Monday with a timer worker that polls
 * every hour (the two tickets open that day), then the whole week with a worker that wakes
 * at each ticket's `nextWakeUp` (all five tickets). Each run has its own clock and tickets.
 */
import type { EventStore, Policy } from "@ticketfold/core";
import { pC, pD, pE } from "@ticketfold/example-policies";
import type { Timeline } from "./clock.js";
import { createDesk, policiesByTenant } from "./desk.js";
import { runSlaWeek, type WeekRun } from "./sla-week.js";
import { WEEK_END, WEEK_HISTORY_START, WEEK_START, weekTickets } from "./week-tickets.js";

/** The week's tenants and the policy each is served under. */
export const weekPolicies: Readonly<Record<string, Policy>> = {
  nordwerk: pC,
  "weber-logistik": pD,
  "lumen-studio": pE,
};

/** The polling run stops on Monday evening. */
export const MONDAY_END = "2025-03-03T18:00:00Z";

export interface SlaWeekDemo {
  readonly hourly: WeekRun;
  readonly week: WeekRun;
}

export const runSlaWeekDemo = async (store: EventStore, timeline: Timeline): Promise<SlaWeekDemo> => {
  const resolver = policiesByTenant(weekPolicies);
  const monday = weekTickets.filter((t) => t.key === "E1" || t.key === "C1");
  const hourly = await runSlaWeek(
    createDesk(store, timeline.start(WEEK_HISTORY_START), resolver),
    monday,
    { kind: "every", every: "1h", from: WEEK_START },
    MONDAY_END,
  );
  const week = await runSlaWeek(
    createDesk(store, timeline.start(WEEK_HISTORY_START), resolver),
    weekTickets,
    { kind: "wake-up" },
    WEEK_END,
  );
  return { hourly, week };
};
