/**
 * Test workloads for the read models: tickets of several tenants, organisations, contracts and
 * tiers under the two workload policies (policies.ts), driven through `decide` (with the timers
 * applied along the way), and their events merged into one global log of RecordedEvents, as a
 * store would deliver them. The core's projection tests and the PostgreSQL read side run on
 * them; so can any adapter's read side.
 */

import type { Actor, Instant, RecordedEvent, TicketCommand, TicketEvent } from "@ticketfold/core";
import {
  decide,
  due,
  fold,
  initialState,
  MINUTE,
  type TenantId,
  type TicketId,
  type TicketState,
  tenantId,
  ticketId,
  toNewEvent,
} from "@ticketfold/core";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { compiledResume, resumePolicy, workloadPolicy } from "./policies.js";

export const agent: Actor = { kind: "agent", id: "agent-1" };
export const customer: Actor = { kind: "requester", id: "cust-1" };

export const MOVES = [
  "accept",
  "reply",
  "internal",
  "comment",
  "await",
  "resolve",
  "reopen",
  "close",
  "priority",
  "assign",
  "unassign",
  "log",
  "log-billable",
  "policy",
  "tick",
] as const;
export type Move = (typeof MOVES)[number];

export interface TicketPlan {
  readonly tenant: "t1" | "t2";
  readonly organisation: string | undefined;
  readonly contractId: string | undefined;
  readonly vip: boolean;
  readonly policy: "resume" | "restart";
  readonly priority: string;
  /** Minutes after the workload's start. */
  readonly startOffset: number;
  readonly moves: readonly (readonly [gapMinutes: number, move: Move, arg: number])[];
}

/** 2025-03-03T08:00Z, a Monday. */
export const WORKLOAD_START: Instant = Date.UTC(2025, 2, 3, 8, 0);
const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

export const ticketIdOf = (i: number): TicketId => ticketId(`01HQ${String(i).padStart(22, "0")}`);

const commandOf = (
  id: TicketId,
  tenant: TenantId,
  at: Instant,
  move: Move,
  arg: number,
  requester: Actor,
): TicketCommand | null => {
  const base = { ticketId: id, tenantId: tenant, at };
  const c = (type: string, actor: Actor, data: Record<string, unknown>) =>
    ({ ...base, type, actor, data }) as TicketCommand;
  switch (move) {
    case "accept":
      return c("accept", agent, {});
    case "reply":
      return c("comment", agent, { body: "on it" });
    case "internal":
      return c("comment", agent, { body: "note", visibility: "internal" });
    case "comment":
      return c("comment", requester, { body: "any news?" });
    case "await":
      return c("await-customer", agent, { reason: "more-information" });
    case "resolve":
      return c("resolve", agent, { resolution: "fixed" });
    case "reopen":
      return c("reopen", requester, {});
    case "close":
      return c("close", agent, {});
    case "priority":
      return c("change-priority", agent, { priority: PRIORITIES[arg % 4] });
    case "assign":
      return c("assign", agent, { assignee: `agent-${arg % 3}`, group: `g${arg % 2}` });
    case "unassign":
      return c("assign", agent, { assignee: null });
    case "log":
      return c("log-time", agent, { minutes: 1 + (arg % 90) });
    case "log-billable":
      return c("log-time", agent, { minutes: 1 + (arg % 90), outOfPlan: true });
    case "policy":
      return c("change-policy", agent, { policyId: arg % 2 === 0 ? "resume" : "restart" });
    case "tick":
      return null;
    default:
      return null;
  }
};

const tryApply = (s: TicketState, c: TicketCommand, out: TicketEvent[]): TicketState => {
  const plain = workloadPolicy(s.policyId ?? "")?.plain ?? resumePolicy;
  const d = decide(c, s, plain);
  if (E.isLeft(d)) return s;
  out.push(...d.right);
  return fold(d.right, s);
};

/** The events of one planned ticket (refused moves are skipped; `tick` applies due timers). */
export const ticketEvents = (i: number, p: TicketPlan): TicketEvent[] => {
  const id = ticketIdOf(i);
  const tenant = tenantId(p.tenant);
  const out: TicketEvent[] = [];
  let at = WORKLOAD_START + p.startOffset * MINUTE;
  // The ticket's own requester comments and reopens (another customer may not).
  const requester: Actor = { kind: "requester", id: `req-${i % 4}` };
  const open = {
    ticketId: id,
    tenantId: tenant,
    at,
    actor: requester,
    type: "open",
    data: {
      subject: `ticket ${i}`,
      description: "d",
      category: "incident",
      channel: "web",
      requester: { id: requester.id },
      priority: p.priority,
      ...(p.organisation === undefined ? {} : { organisation: p.organisation }),
      ...(p.contractId === undefined ? {} : { contractId: p.contractId }),
      ...(p.vip ? { customerTier: "vip" } : {}),
    },
  } as TicketCommand;
  let s = tryApply(initialState, open, out);
  if (p.policy === "restart")
    s = tryApply(
      s,
      { ...open, type: "change-policy", actor: agent, data: { policyId: "restart" } } as TicketCommand,
      out,
    );
  for (const [gap, move, arg] of p.moves) {
    at += gap * MINUTE;
    const command = commandOf(id, tenant, at, move, arg, requester);
    if (command !== null) s = tryApply(s, command, out);
    else
      for (const timer of due(s, workloadPolicy(s.policyId ?? "")?.compiled ?? compiledResume, at))
        s = tryApply(s, timer, out);
  }
  return out;
};

const moveArb = fc.tuple(fc.integer({ min: 1, max: 600 }), fc.constantFrom(...MOVES), fc.nat({ max: 1000 }));
export const ticketPlanArb: fc.Arbitrary<TicketPlan> = fc.record({
  tenant: fc.constantFrom("t1" as const, "t2" as const),
  organisation: fc.constantFrom("Acme", "Globex", undefined),
  contractId: fc.constantFrom("C-1", "C-2", undefined),
  vip: fc.boolean(),
  policy: fc.constantFrom("resume" as const, "restart" as const),
  priority: fc.constantFrom(...PRIORITIES),
  startOffset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  moves: fc.array(moveArb, { maxLength: 14 }),
});

/**
 * Merges tickets' events into one global log ordered by instant (ties keep ticket order), with
 * per-stream versions and positions, as a store's readAll delivers them.
 */
export const recordedLog = (tickets: readonly (readonly TicketEvent[])[]): RecordedEvent[] => {
  const tagged = tickets.flatMap((events, t) => events.map((e, k) => ({ e, t, k })));
  tagged.sort((a, b) => a.e.at - b.e.at || a.t - b.t || a.k - b.k);
  return tagged.map(({ e, k }, n) => ({
    ...toNewEvent(e),
    eventId: `evt-${n}`,
    tenantId: e.tenantId,
    streamId: e.ticketId,
    version: k + 1,
    position: String(n + 1),
    recordedAt: e.at,
  }));
};

/** A random workload: 1–12 tickets and their merged log. */
export const workloadArb = fc.array(ticketPlanArb, { minLength: 1, maxLength: 12 }).map((plans) => {
  const tickets = plans.map((p, i) => ticketEvents(i, p));
  return { plans, tickets, log: recordedLog(tickets) };
});
