/**
 * The rules `decide` applies beyond the table, as scenario tables: customer comments (reply,
 * reopen, reopen window — P-D), internal notes, priority changes, the change-request approval
 * gate and billable time (P-B), and idempotent SLA records.
 */

import {
  agent,
  changeRequestPolicy,
  commandOf,
  contractPolicy,
  historyOf,
  openTicket,
  reopenWindowPolicy,
  requester,
  system,
  T0,
  text,
  ticketIn,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { PolicyCore } from "../policy/lifecycle.js";
import { DAY, HOUR } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { decide } from "./decide.js";

const when = (policy: PolicyCore, given: readonly TicketEvent[], command: TicketCommand) =>
  decide(command, fold(given), policy);
const typesOf = (decision: E.Either<unknown, readonly TicketEvent[]>) =>
  E.isRight(decision) ? decision.right.map((e) => e.type) : decision.left;

const comment = (at: number, visibility: "public" | "internal" = "public", actor = requester) =>
  commandOf("comment", { body: text("Still broken"), visibility }, { at, actor });

describe("customer comments (P-D)", () => {
  const closedAt = T0 + 4 * HOUR;
  const windowEnd = closedAt + 30 * DAY;
  it.each([
    ["awaiting the customer: it is the reply", "awaiting-customer", T0 + 5 * HOUR, ["commented", "customer-replied"]],
    ["resolved: it reopens", "resolved", T0 + 5 * HOUR, ["commented", "reopened"]],
    ["closed, inside the reopen window: it reopens", "closed", windowEnd - 1, ["commented", "reopened"]],
    ["closed, at the window's last instant: it reopens", "closed", windowEnd, ["commented", "reopened"]],
  ] as const)("%s", (_name, status, at, types) => {
    const { events } = ticketIn(status, reopenWindowPolicy);
    const decision = when(reopenWindowPolicy, events, comment(at));
    expect(typesOf(decision)).toEqual(types);
    expect(fold(E.getOrElseW(() => [])(decision), fold(events)).status).toBe("open");
  });

  it("closed, after the reopen window: REOPEN_WINDOW_EXPIRED with windowEndedAt", () => {
    const { events } = ticketIn("closed", reopenWindowPolicy);
    expect(when(reopenWindowPolicy, events, comment(windowEnd + 1))).toEqual(
      E.left(expect.objectContaining({ code: "REOPEN_WINDOW_EXPIRED", closedAt, windowEndedAt: windowEnd })),
    );
    const reopen = commandOf("reopen", {}, { at: windowEnd + 1, actor: requester });
    expect(when(reopenWindowPolicy, events, reopen)).toEqual(
      E.left(expect.objectContaining({ code: "REOPEN_WINDOW_EXPIRED", windowEndedAt: windowEnd })),
    );
  });

  it("closed under a policy without a reopen window: closed is final (windowEndedAt null)", () => {
    const { events } = ticketIn("closed", contractPolicy);
    expect(when(contractPolicy, events, comment(closedAt + 1))).toEqual(
      E.left(expect.objectContaining({ code: "REOPEN_WINDOW_EXPIRED", closedAt, windowEndedAt: null })),
    );
  });

  it('closed under reopenWindow "unlimited": a comment ten years later still reopens', () => {
    const forever = {
      ...reopenWindowPolicy,
      workflow: { ...reopenWindowPolicy.workflow, reopenWindow: "unlimited" as const },
    };
    const { events } = ticketIn("closed", forever);
    expect(typesOf(when(forever, events, comment(closedAt + 3650 * DAY)))).toEqual(["commented", "reopened"]);
    const reopen = commandOf("reopen", {}, { at: closedAt + 3650 * DAY, actor: requester });
    expect(typesOf(when(forever, events, reopen))).toEqual(["reopened"]);
  });

  it("a requester may not write an internal note", () => {
    const { events } = ticketIn("open", reopenWindowPolicy);
    expect(when(reopenWindowPolicy, events, comment(T0 + 5 * HOUR, "internal"))).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", action: "internal-comment", actor: "requester" })),
    );
  });

  it("an agent's internal note on an awaiting ticket does not count as the customer's reply", () => {
    const { events } = ticketIn("awaiting-customer", reopenWindowPolicy);
    expect(typesOf(when(reopenWindowPolicy, events, comment(T0 + 5 * HOUR, "internal", agent)))).toEqual(["commented"]);
  });
});

describe("change-priority", () => {
  const { events } = ticketIn("open", contractPolicy);
  const change = (priority: string) => commandOf("change-priority", { priority }, { at: T0 + 5 * HOUR });
  it.each([
    [
      "an unknown priority",
      "9",
      E.left(expect.objectContaining({ code: "UNKNOWN_PRIORITY", priority: "9", allowed: ["1", "2", "3", "4"] })),
    ],
    ["the same priority: nothing to record", "4", E.right([])],
    ["the same priority by name", "low", E.right([])],
    [
      "another priority",
      "1",
      E.right([expect.objectContaining({ type: "prioritised", data: { from: "4", to: "1", cause: "manual" } })]),
    ],
  ] as const)("%s", (_name, priority, expected) => {
    expect(when(contractPolicy, events, change(priority))).toEqual(expected);
  });
});

describe("change requests wait for approval (P-B)", () => {
  const opened = historyOf(changeRequestPolicy, [openTicket({ category: "change-request" })]);
  const rejected = historyOf(changeRequestPolicy, [
    openTicket({ category: "change-request" }),
    commandOf("reject-change", { reason: "too expensive" }, { actor: requester }),
  ]);
  const work: TicketCommand[] = [
    commandOf("accept", {}),
    commandOf("share-plan", { plan: text("Swap the switch") }),
    commandOf("resolve", { resolution: text("Swapped") }),
    commandOf("log-time", { minutes: 30 }),
    commandOf("schedule-session", { start: T0 + DAY, length: HOUR }),
  ];
  it.each(work.map((c) => [c.type, c] as const))("%s while approval is pending ⇒ APPROVAL_REQUIRED", (action, c) => {
    expect(when(changeRequestPolicy, opened, c)).toEqual(
      E.left(expect.objectContaining({ code: "APPROVAL_REQUIRED", approval: "pending", action })),
    );
  });
  it.each(work.map((c) => [c.type, c] as const))("%s after a rejection ⇒ APPROVAL_REQUIRED (rejected)", (action, c) => {
    expect(when(changeRequestPolicy, rejected, c)).toEqual(
      E.left(expect.objectContaining({ code: "APPROVAL_REQUIRED", approval: "rejected", action })),
    );
  });
  it.each(work.map((c) => [c.type, c] as const))("%s once approved is accepted", (_action, c) => {
    const approval = when(changeRequestPolicy, opened, commandOf("approve-change", {}, { actor: requester }));
    const given = [...opened, ...E.getOrElseW(() => [])(approval)];
    expect(fold(given).approval).toBe("approved");
    expect(E.isRight(when(changeRequestPolicy, given, c))).toBe(true);
  });
  it("approving twice records nothing the second time; an ordinary ticket has nothing to approve", () => {
    const approve = commandOf("approve-change", {}, { actor: requester });
    const once = [...opened, ...E.getOrElseW(() => [])(when(changeRequestPolicy, opened, approve))];
    expect(when(changeRequestPolicy, once, approve)).toEqual(E.right([]));
    const incident = historyOf(changeRequestPolicy, [openTicket({ category: "incident" })]);
    expect(when(changeRequestPolicy, incident, approve)).toEqual(
      E.left(expect.objectContaining({ code: "NOT_A_CHANGE_REQUEST" })),
    );
  });
});

describe("billable time (P-B): change requests and out-of-plan work bill, the rest is in the plan", () => {
  it.each([
    ["change-request", false, true],
    ["incident", false, false],
    ["consultation", false, false],
    ["incident", true, true],
  ] as const)("%s, outOfPlan %s ⇒ billable %s", (category, outOfPlan, billable) => {
    const given = historyOf(changeRequestPolicy, [
      openTicket({ category }),
      ...(category === "change-request" ? [commandOf("approve-change", {}, { actor: requester })] : []),
    ]);
    const decision = when(changeRequestPolicy, given, commandOf("log-time", { minutes: 45, outOfPlan }));
    expect(decision).toEqual(
      E.right([expect.objectContaining({ type: "time-logged", data: { minutes: 45, billable } })]),
    );
    const state = fold(E.getOrElseW(() => [])(decision), fold(given));
    expect([state.minutesBillable, state.minutesUnbilled]).toEqual(billable ? [45, 0] : [0, 45]);
  });

  it.each([0, -5, 1.5, 1441])("%s minutes ⇒ INVALID_VALUE", (minutes) => {
    const given = historyOf(changeRequestPolicy, [openTicket()]);
    expect(when(changeRequestPolicy, given, commandOf("log-time", { minutes }))).toEqual(
      E.left(expect.objectContaining({ code: "INVALID_VALUE", field: "minutes" })),
    );
  });
});

describe("SLA records are idempotent", () => {
  const deadline = T0 + 8 * HOUR;
  const records: [string, TicketCommand, TicketCommand][] = [
    [
      "record-sla-warning",
      commandOf("record-sla-warning", { metric: "resolution", cycle: 0, warning: "75%", deadline }, { actor: system }),
      commandOf("record-sla-warning", { metric: "resolution", cycle: 0, warning: "50%", deadline }, { actor: system }),
    ],
    [
      "record-sla-breach",
      commandOf("record-sla-breach", { metric: "response", cycle: 0, deadline }, { actor: system }),
      commandOf("record-sla-breach", { metric: "response", cycle: 1, deadline }, { actor: system }),
    ],
    [
      "record-escalation-level",
      commandOf(
        "record-escalation-level",
        { level: 1, metric: "resolution", cycle: 0, step: 0, roles: [] },
        { actor: system },
      ),
      commandOf(
        "record-escalation-level",
        { level: 2, metric: "resolution", cycle: 0, step: 1, roles: ["ceo"] },
        { actor: system },
      ),
    ],
  ];
  it.each(records)("%s: the same fact twice records once; a different one records", (_name, same, other) => {
    const { events } = ticketIn("open", reopenWindowPolicy);
    const first = when(reopenWindowPolicy, events, same);
    expect(E.isRight(first) && first.right).toHaveLength(1);
    const after = [...events, ...E.getOrElseW(() => [])(first)];
    expect(when(reopenWindowPolicy, after, same)).toEqual(E.right([]));
    expect(typesOf(when(reopenWindowPolicy, after, other))).toHaveLength(1);
  });
});
