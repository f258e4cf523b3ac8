/**
 * The quickstart walkthrough: three tenants, each served under one of the example policies,
 * each with one ticket scripted through its life, all on one simulated Monday-morning
 * timeline. It takes the store as a parameter, so the same walk runs on any adapter.
 */
import { type EventStore, type LoadedTicket, loadTicket, type Policy, parseDuration } from "@ticketfold/core";
import { pB, pC, pD } from "@ticketfold/example-policies";
import type { SimulatedClock } from "./clock.js";
import { createDesk, policiesByTenant, type TicketRef } from "./desk.js";
import { type Refusal, runSchedule, type Step, schedule } from "./script.js";
import { newTicketId } from "./ticket-id.js";
import { changeRequest, contractDeskTicket, webTicket } from "./tickets.js";

export interface WalkedTicket {
  readonly title: string;
  readonly policy: Policy;
  readonly ref: TicketRef;
  readonly loaded: LoadedTicket;
}

export interface QuickstartResult {
  readonly tickets: readonly WalkedTicket[];
  readonly refusals: readonly Refusal[];
}

interface Walk {
  readonly title: string;
  readonly tenantId: string;
  readonly policy: Policy;
  /** When the ticket is opened, counted from the clock's start. */
  readonly startsAfter: string;
  readonly script: readonly Step[];
}

const walks: readonly Walk[] = [
  { title: "Contract service desk", tenantId: "nordwerk", policy: pC, startsAfter: "0m", script: contractDeskTicket },
  { title: "Web ticket system", tenantId: "weber-logistik", policy: pD, startsAfter: "1h10m", script: webTicket },
  {
    title: "VIP help desk: change request",
    tenantId: "reyes-dental",
    policy: pB,
    startsAfter: "2h30m",
    script: changeRequest,
  },
];

/** The walkthrough's tenants (a PostgreSQL store deletes their earlier events first). */
export const walkTenants: readonly string[] = walks.map((w) => w.tenantId);

/** Walks every scripted ticket on the store, then reads each back from it. */
export const runQuickstart = async (store: EventStore, clock: SimulatedClock): Promise<QuickstartResult> => {
  const resolver = policiesByTenant(Object.fromEntries(walks.map((w) => [w.tenantId, w.policy])));
  const desk = createDesk(store, clock, resolver);
  const start = clock.now();
  const planned = walks.map((walk) => {
    const opensAt = start + (parseDuration(walk.startsAfter) ?? 0);
    const ref: TicketRef = { tenantId: walk.tenantId, ticketId: newTicketId(opensAt) };
    return { walk, ref, steps: schedule(ref, walk.script, opensAt) };
  });
  const refusals = await runSchedule(
    desk,
    planned.flatMap((p) => p.steps),
  );
  const tickets: WalkedTicket[] = [];
  for (const { walk, ref } of planned) {
    const loaded = await loadTicket(store, ref.tenantId, ref.ticketId);
    tickets.push({ title: walk.title, policy: walk.policy, ref, loaded });
  }
  return { tickets, refusals };
};
