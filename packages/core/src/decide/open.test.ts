/**
 * Opening a ticket: mandatory fields (subject and description always, the rest as the policy
 * says), the lenient priority of intake (P-C: missing or malformed ⇒ the default, flagged
 * priorityDefaulted) and priority by impact (P-A: over 50% of users ⇒ 1, under ⇒ 2, a single
 * user ⇒ 3; exactly 50% is not "over", so 2).
 */

import {
  changeRequestPolicy,
  commandOf,
  completeFields,
  contractPolicy,
  impactPolicy,
  openTicket,
  requester,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { PolicyCore } from "../policy/lifecycle.js";
import type { CommandOf } from "../ticket/commands.js";
import type { EventOf } from "../ticket/events.js";
import { initialState } from "../ticket/state.js";
import { decide } from "./decide.js";

type OpenData = CommandOf<"open">["data"];
const open = (policy: PolicyCore, data: Partial<OpenData> | Record<string, unknown>) =>
  decide(openTicket(data as Partial<OpenData>), initialState, policy);
const openedData = (policy: PolicyCore, data: Partial<OpenData> | Record<string, unknown>) => {
  const decision = open(policy, data);
  if (E.isLeft(decision)) throw new Error(decision.left.message);
  return (decision.right[0] as EventOf<"opened">).data;
};

describe("open: mandatory fields ⇒ MISSING_FIELD naming the field", () => {
  it.each([
    ["subject", contractPolicy, { subject: "   " }],
    ["description", contractPolicy, { description: "" }],
    ["contractId", contractPolicy, { contractId: undefined }],
    ["contractId", contractPolicy, { contractId: " " }],
    ["organisation", impactPolicy, { organisation: "" }],
    ["requester.phone", impactPolicy, { requester: { id: "c1", email: "c@example.com" } }],
    ["affectedUsers", impactPolicy, { affectedUsers: undefined }],
    ["intake.location", impactPolicy, { intake: {} }],
  ] as const)("%s missing", (field, policy, data) => {
    // A JSON round trip drops the keys set to undefined: they are missing, not blank.
    const fields = JSON.parse(JSON.stringify(completeFields(data as Partial<OpenData>))) as OpenData;
    const decision = decide(commandOf("open", fields, { actor: requester }), initialState, policy as PolicyCore);
    expect(decision).toEqual(E.left(expect.objectContaining({ code: "MISSING_FIELD", field })));
    expect(E.isLeft(decision) && decision.left.message).toContain(field);
  });

  it("opens when every required field is there, recording policy and approval", () => {
    expect(openedData(impactPolicy, {})).toMatchObject({ policyId: impactPolicy.id, approvalRequired: false });
    expect(openedData(changeRequestPolicy, { category: "change-request" })).toMatchObject({ approvalRequired: true });
  });

  it.each([-1, 1.5])("refuses affectedUsers %s with INVALID_VALUE", (affectedUsers) => {
    expect(open(impactPolicy, { affectedUsers })).toEqual(
      E.left(expect.objectContaining({ code: "INVALID_VALUE", field: "affectedUsers" })),
    );
  });
});

describe("open: a missing or malformed priority becomes the default (P-C)", () => {
  it.each([
    ["missing", undefined, "4", true],
    ["empty", "", "4", true],
    ["unknown", "urgent!!", "4", true],
    ["out of scale", 7, "4", true],
    ["null", null, "4", true],
    ["an object", { level: 1 }, "4", true],
    ["an id", "2", "2", false],
    ["a number id", 1, "1", false],
    ["a name, any case, padded", "  hIgH ", "2", false],
  ] as const)("%s (%j) ⇒ %s, defaulted %s", (_name, priority, expected, defaulted) => {
    const data = priority === undefined ? {} : { priority };
    expect(openedData(contractPolicy, data)).toMatchObject({ priority: expected, priorityDefaulted: defaulted });
  });
});

describe("open: priority by impact (P-A)", () => {
  it.each([
    [60, 100, "1"],
    [51, 100, "1"],
    [50, 100, "2"],
    [3, 6, "2"],
    [10, 100, "2"],
    [2, 100, "2"],
    [1, 100, "3"],
    [1, 1, "3"],
    [100, 100, "1"],
  ])("%i of %i users ⇒ %s", (affectedUsers, totalUsers, priority) => {
    expect(openedData(impactPolicy, { affectedUsers, totalUsers })).toMatchObject({
      priority,
      priorityDefaulted: false,
    });
  });

  it("without the total the impact is unknown: the default, flagged", () => {
    expect(openedData(impactPolicy, { affectedUsers: 40 })).toMatchObject({ priority: "3", priorityDefaulted: true });
  });

  it("a priority given at intake wins over impact (requesterPriority: overrides, the default)", () => {
    expect(openedData(impactPolicy, { affectedUsers: 90, totalUsers: 100, priority: "2" })).toMatchObject({
      priority: "2",
      priorityDefaulted: false,
    });
  });

  it("a single user affected needs no total: the single-user priority", () => {
    expect(openedData(impactPolicy, { affectedUsers: 1 })).toMatchObject({ priority: "3", priorityDefaulted: false });
  });
});

describe("open: the policy chooses how impact and a typed priority meet (P-A)", () => {
  const withImpact = (extra: Record<string, unknown>): PolicyCore => {
    const impact = impactPolicy.priorities.impact;
    if (impact === undefined) throw new Error("impactPolicy has impact rules");
    return { ...impactPolicy, priorities: { ...impactPolicy.priorities, impact: { ...impact, ...extra } } };
  };
  const ignored = withImpact({ requesterPriority: "ignored" });
  const strict = withImpact({ requireTotal: true });

  it.each([
    ["requester", { kind: "requester", id: "c1" }, "1"],
    ["agent", { kind: "agent", id: "dispatch-1" }, "3"],
  ] as const)("requesterPriority: ignored — a priority typed by the %s: %s", (_, actor, priority) => {
    const decision = decide(
      openTicket({ affectedUsers: 90, totalUsers: 100, priority: "3" } as Partial<OpenData>, { actor }),
      initialState,
      ignored,
    );
    expect(E.isRight(decision) && (decision.right[0] as EventOf<"opened">).data).toMatchObject({
      priority,
      priorityDefaulted: false,
    });
  });

  it("requesterPriority: ignored — without the impact facts the typed priority stands", () => {
    expect(openedData(ignored, { priority: "2", affectedUsers: 5 })).toMatchObject({ priority: "2" });
  });

  it.each([
    [{ affectedUsers: 40 }, E.left(expect.objectContaining({ code: "MISSING_FIELD", field: "totalUsers" }))],
    [
      { affectedUsers: 40, priority: "1" },
      E.left(expect.objectContaining({ code: "MISSING_FIELD", field: "totalUsers" })),
    ],
  ])("requireTotal: %j is refused: the share decides", (data, expected) => {
    expect(open(strict, data)).toEqual(expected);
  });

  it("requireTotal: one user affected needs no total", () => {
    expect(openedData(strict, { affectedUsers: 1 })).toMatchObject({ priority: "3", priorityDefaulted: false });
  });
});
