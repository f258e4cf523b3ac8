/**
 * Realistic ticket histories for the fold benchmark: each ticket lives the same 20-event life
 * (open, accept, assign, re-prioritise, ask the customer, reply, plan, log time, resolve,
 * reopen by a customer comment, resolve, close, feedback), decided by the core's `decide`
 * from commands, so the events are exactly what an app would store.
 */
import {
  decide,
  type Policy,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
  tenantId,
  ticketId,
} from "@ticketfold/core";
import { applyEvent, createClockLog, createInitialState } from "@ticketfold/core/internal";
import { pE } from "@ticketfold/example-policies";
import { benchAgent, benchCustomer, benchTicketId } from "../ticket-ids.js";

const START = Date.parse("2025-03-03T08:00:00Z");
const MINUTE = 60_000;

const customer = benchCustomer;
const agent = benchAgent;

/** The 18 commands of one ticket's life; two of them yield two events each (20 in all). */
export const script = (n: number): readonly [typeof customer | typeof agent, string, Record<string, unknown>][] => [
  [
    customer,
    "open",
    {
      subject: `Printer ${n} offline`,
      description: "The printer on floor 2 shows offline for everyone.",
      category: "incident",
      channel: "web",
      requester: { id: customer.id, email: "user@example.org" },
      priority: "medium",
    },
  ],
  [agent, "accept", {}],
  [agent, "assign", { assignee: `agent-${n % 17}`, group: "1st line" }],
  [agent, "change-priority", { priority: "high", reason: "whole floor affected" }],
  [agent, "comment", { body: "Looking into it." }],
  [agent, "await-customer", { reason: "more-information", question: "Which printer model?" }],
  [customer, "comment", { body: "The HP on floor 2." }],
  [agent, "comment", { body: "Driver rolled back last night.", visibility: "internal" }],
  [agent, "share-plan", { plan: "Reinstall the driver, then test." }],
  [agent, "log-time", { minutes: 25 }],
  [agent, "comment", { body: "Driver reinstalled; please try again." }],
  [agent, "resolve", { resolution: "Driver reinstalled." }],
  [customer, "comment", { body: "Prints, but only blank pages." }],
  [agent, "comment", { body: "Replacing the toner cartridge." }],
  [agent, "resolve", { resolution: "Toner replaced." }],
  [customer, "close", {}],
  [customer, "give-feedback", { rating: "positive" }],
  [agent, "log-time", { minutes: 15, note: "Toner" }],
];

/** Decides one ticket's life; throws if the core refuses a step (the script would be wrong). */
export const ticketHistory = (n: number, policy: Policy = pE): TicketEvent[] => {
  const id = ticketId(benchTicketId(n));
  const tenant = tenantId(`tenant-${n % 8}`);
  const state = createInitialState() as Parameters<typeof applyEvent>[0];
  const log = createClockLog();
  const events: TicketEvent[] = [];
  script(n).forEach(([actor, type, data], i) => {
    const command = { type, ticketId: id, tenantId: tenant, at: START + n * MINUTE + i * 7 * MINUTE, actor, data };
    const decided = decide(command as TicketCommand, state as TicketState, policy);
    if (decided._tag === "Left") throw new Error(`step ${i} (${type}) refused: ${decided.left.message}`);
    for (const e of decided.right) {
      applyEvent(state, e, log);
      events.push(e);
    }
  });
  return events;
};

/** `tickets` histories, one array per ticket. */
export const ticketHistories = (tickets: number): TicketEvent[][] =>
  Array.from({ length: tickets }, (_, n) => ticketHistory(n));
