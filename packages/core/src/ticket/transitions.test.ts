/**
 * Every row of the transition table, as a scenario table: the action is accepted from each
 * status the row allows (and lands in the row's `to`, or leaves the status alone), refused
 * with ILLEGAL_TRANSITION naming `allowedFrom` from every other status, and refused with
 * NOT_PERMITTED for actors the row does not name. Tickets are change requests already
 * approved, so approve/reject rows have something to decide.
 */

import { actorOfKind, commandOf, reopenWindowPolicy, T0, text, ticketIn } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import { HOUR } from "../shared/duration.js";
import type { TicketCommand, TicketCommandType } from "./commands.js";
import type { DomainError } from "./errors.js";
import { fold } from "./evolve.js";
import { type ActorKind, type Rule, type StatusOrNone, statuses, transitionTable } from "./transitions.js";

const policy: PolicyCore = {
  ...reopenWindowPolicy,
  workflow: { ...reopenWindowPolicy.workflow, approvalRequired: ["change-request"] },
};

const AT = T0 + 10 * HOUR;
const data: { [K in TicketCommandType]: unknown } = {
  open: { subject: "Hi", description: "Help", category: "incident", channel: "web", requester: { id: "c1" } },
  "change-policy": { policyId: "another-policy" },
  "change-priority": { priority: "high" },
  accept: {},
  assign: { assignee: "agent-2" },
  comment: { body: text("A note") },
  "share-plan": { plan: text("We will replace the toner.") },
  "await-customer": { reason: "more-information" },
  resolve: { resolution: text("Replaced the toner.") },
  reopen: {},
  close: {},
  "request-escalation": {},
  "give-feedback": { rating: "positive" },
  "log-time": { minutes: 30 },
  "correct-time": { entry: 1, minutes: -10, reason: text("Logged on the wrong ticket") },
  "approve-change": {},
  "reject-change": {},
  "schedule-session": { start: AT + HOUR, length: HOUR },
  "record-sla-warning": { metric: "resolution", cycle: 0, warning: "75%", deadline: AT },
  "record-sla-breach": { metric: "resolution", cycle: 0, deadline: AT },
  "record-ola-breach": { group: "tier-2", cycle: 0, deadline: AT },
  "record-escalation-level": { level: 1, metric: "resolution", cycle: 0, step: 0, roles: ["head-of-support"] },
};

const command = (type: TicketCommandType, actor: ActorKind): TicketCommand =>
  commandOf(type, data[type] as never, { at: AT, actor: actorOfKind(actor) });

const stateIn = (status: StatusOrNone) => ticketIn(status, policy, { changeRequest: true }).state;

/** Staff first: a staff comment leaves the status alone (the customer's cases are below). */
const someAllowedActor = (rule: Rule): ActorKind => (rule.by.includes("agent") ? "agent" : (rule.by[0] as ActorKind));

/** Business rules beyond the table that may refuse a legal action (owned elsewhere). */
const businessRefusals: Partial<Record<TicketCommandType, readonly DomainError["code"][]>> = {
  "request-escalation": ["ESCALATION_NOT_YET_POSSIBLE"],
  // These tickets have no time entry to correct (customer-records.test.ts has the rules).
  "correct-time": ["INVALID_VALUE"],
};

const rows = (Object.entries(transitionTable) as [string, Rule][]).filter(
  ([action]) => action !== "customer-reply",
) as [TicketCommandType, Rule][];
const allStatuses: readonly StatusOrNone[] = ["none", ...statuses];

const allowedCases = rows.flatMap(([action, rule]) => rule.from.map((from) => [action, from, rule] as const));
const refusedCases = rows.flatMap(([action, rule]) =>
  allStatuses.filter((s) => !rule.from.includes(s)).map((from) => [action, from, rule] as const),
);
const forbiddenActorCases = rows.flatMap(([action, rule]) =>
  (["requester", "agent", "system"] as const)
    .filter((a) => !rule.by.includes(a))
    .map((a) => [action, a, rule] as const),
);

describe("transition table: every row", () => {
  it.each(allowedCases)("%s is accepted from %s", (action, from, rule) => {
    const before = stateIn(from);
    const decision = decide(command(action, someAllowedActor(rule)), before, policy);
    if (E.isLeft(decision)) {
      expect(businessRefusals[action] ?? []).toContain(decision.left.code);
      return;
    }
    const after = fold(decision.right, before);
    expect(after.status).toBe(rule.to ?? before.status);
  });

  it.each(refusedCases)("%s is refused from %s with the statuses it is allowed from", (action, from, rule) => {
    const decision = decide(command(action, someAllowedActor(rule)), stateIn(from), policy);
    const expected =
      action === "open"
        ? { code: "TICKET_ALREADY_EXISTS" }
        : from === "none"
          ? { code: "TICKET_NOT_FOUND" }
          : { code: "ILLEGAL_TRANSITION", action, status: from, allowedFrom: rule.from };
    expect(decision).toEqual(E.left(expect.objectContaining(expected)));
  });

  it.each(forbiddenActorCases)("%s by a %s is NOT_PERMITTED", (action, actor, rule) => {
    const decision = decide(command(action, actor), stateIn(rule.from[0] as StatusOrNone), policy);
    expect(decision).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", action, actor, allowed: rule.by })),
    );
  });

  it("covers every command type", () => {
    expect(rows.map(([a]) => a).sort()).toEqual(Object.keys(data).sort());
  });
});

describe("customer-reply row: a customer comment while awaiting the customer", () => {
  it.each([
    ["awaiting-customer", "requester", ["commented", "customer-replied"], "open"],
    ["awaiting-customer", "agent", ["commented"], "awaiting-customer"],
    ["new", "requester", ["commented"], "new"],
    ["open", "requester", ["commented"], "open"],
  ] as const)("in %s, a %s comment gives %j and leaves the ticket %s", (from, actor, types, to) => {
    const before = stateIn(from);
    const decision = decide(command("comment", actor), before, policy);
    const events = E.getOrElseW(() => [])(decision);
    expect(events.map((e) => e.type)).toEqual(types);
    expect(fold(events, before).status).toBe(to);
  });
});
