/**
 * The ticket lives the ten-million benchmark clones. A template is one ticket's 20 events,
 * decided by the core's `decide` from commands (so every cloned row decodes and folds): a
 * closed life (bench/src/fold/history.ts: open … resolve, reopen, resolve, close, feedback)
 * or an open one (the same life cut before its first resolution at a step that varies with
 * the template, then internal notes up to 20 events). Ticket and tenant ids are not in an
 * event's data or metadata (the stream carries them), so a template row is valid for any
 * ticket. The work queue's entries come from the testing workload's varied ticket plans
 * (VIP, organisations, assignees, every queued status), through the core's `workQueueEntry`.
 */
import {
  compilePolicy,
  decide,
  fold,
  type PolicyLookup,
  policyOfTicket,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
  tenantId,
  ticketId,
  toNewEvent,
  type WorkQueueEntry,
  workQueueEntry,
} from "@ticketfold/core";
import { applyEvent, createClockLog, createInitialState } from "@ticketfold/core/internal";
import { pE } from "@ticketfold/example-policies";
import { ticketEvents, ticketPlanArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { script, ticketHistory } from "../fold/history.js";
import { benchTicketId } from "../ticket-ids.js";

export const EVENTS_PER_TICKET = 20;
/** Distinct lives; ticket n clones template n mod TEMPLATES. */
export const TEMPLATES = 1000;

/** One event of a template, as the bulk load's template table holds it. */
export interface TemplateRow {
  readonly template: number;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly at: string;
}

const START = Date.parse("2025-03-03T08:00:00Z");
const MINUTE = 60_000;
/** Index of "resolve" in the closed life's script: open lives stop before it. */
const FIRST_RESOLVE = 11;

/** An open life: the script's first steps (1 to 11 of them), then internal notes up to 20 events. */
export const openTicketHistory = (n: number): TicketEvent[] => {
  const id = ticketId(benchTicketId(n));
  const tenant = tenantId("bench");
  const state = createInitialState() as Parameters<typeof applyEvent>[0];
  const log = createClockLog();
  const events: TicketEvent[] = [];
  const steps = script(n).slice(0, 1 + (n % FIRST_RESOLVE));
  const agent = { kind: "agent", id: "agent" } as const;
  const note = { body: "Still investigating.", visibility: "internal" };
  const commands = [...steps, ...Array.from({ length: EVENTS_PER_TICKET }, () => [agent, "comment", note] as const)];
  for (const [i, [actor, type, data]] of commands.entries()) {
    if (events.length >= EVENTS_PER_TICKET) break;
    const command = { type, ticketId: id, tenantId: tenant, at: START + n * MINUTE + i * 7 * MINUTE, actor, data };
    const decided = decide(command as TicketCommand, state as TicketState, pE);
    if (decided._tag === "Left")
      throw new Error(`open life ${n}, step ${i} (${type}) refused: ${decided.left.message}`);
    for (const e of decided.right) {
      applyEvent(state, e, log);
      events.push(e);
    }
  }
  if (events.length !== EVENTS_PER_TICKET) throw new Error(`open life ${n} has ${events.length} events`);
  return events;
};

/** Whether template `t` is a closed life, for a share of closed tickets. */
export const isClosedTemplate = (t: number, closedShare: number): boolean => t < Math.round(TEMPLATES * closedShare);

/** Every template's events: closed lives first (by share), open ones after. */
export const templateRows = (closedShare: number): TemplateRow[] =>
  Array.from({ length: TEMPLATES }, (_, t) => {
    const life = isClosedTemplate(t, closedShare) ? ticketHistory(t) : openTicketHistory(t);
    return life.map((e, i) => {
      const n = toNewEvent(e);
      return {
        template: t,
        version: i + 1,
        type: n.type,
        schemaVersion: n.schemaVersion,
        data: JSON.stringify(n.data),
        metadata: JSON.stringify(n.metadata),
        at: new Date(e.at).toISOString(),
      };
    });
  }).flat();

/** The policy lookup for the cloned lives (all under P-E). */
export const scalePolicies: PolicyLookup = (() => {
  const compiled = compilePolicy(pE);
  if (compiled._tag === "Left") throw new Error(compiled.left.message);
  return (id: string) => (id === pE.id ? compiled.right : undefined);
})();

/** Queue entries of varied tickets (the testing workload), as the read side would store them. */
export const queueTemplates = (tickets: number): WorkQueueEntry[] => {
  const plans = fc.sample(ticketPlanArb, { numRuns: tickets, seed: 15 });
  return plans.flatMap((plan, i) => {
    const state = fold(ticketEvents(i, plan));
    const policy = policyOfTicket(state, workloadPolicies);
    if (policy._tag === "Left" || policy.right === null) return [];
    const entry = workQueueEntry(state, policy.right);
    return entry === null ? [] : [entry];
  });
};
