/**
 * The authorisation hooks (authorize.ts): a refusal says who, what and why; it comes before
 * the status, so a refused actor learns nothing of the ticket; a ticket whose organisation
 * lists no point of contact has its requester approve; and an app's own rule — another table,
 * a rule added to the default, or one in its place — reaches `decide`, `ticketDecider` and the
 * handler. The transition table's `by` column is the kinds of the permissions table.
 */
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import {
  agent,
  changeRequestPolicy,
  commandOf,
  openTicket,
  requester,
  T0,
  TICKET,
  text,
  ticketIn,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { handleCommand } from "../handling/handler.js";
import type { Policy } from "../policy/policy.js";
import { singlePolicy } from "../policy/resolver.js";
import { fold } from "../ticket/evolve.js";
import { relationshipKind } from "../ticket/relationships.js";
import { type ActorKind, transitionTable } from "../ticket/transitions.js";
import { type Authorize, allOf, authorizeBy, defaultAuthorize, notPermitted } from "./authorize.js";
import { decide } from "./decide.js";
import { ticketDecider } from "./decider.js";
import { defaultPermissions } from "./permissions.js";

const policy: Policy = changeRequestPolicy;
const pending = ticketIn("new", policy, { changeRequest: false }).state;
const changeRequest = fold(
  E.getOrElseW(() => [])(decide(openTicket({ category: "change-request" }), fold([]), policy)),
);
const colleague = { kind: "requester", id: "cust-7", organisation: "Acme" } as const;
const approve = (actor = requester) => commandOf("approve-change", {}, { actor });

describe("a refusal says who, what and why", () => {
  it("NOT_PERMITTED names the actor, how they stand to the ticket, who may, and why", () => {
    const decision = decide(approve(colleague), changeRequest, policy);
    expect(decision).toEqual(
      E.left({
        code: "NOT_PERMITTED",
        action: "approve-change",
        ticketId: TICKET,
        actor: "requester",
        actorId: "cust-7",
        relationships: ["organisation-member"],
        permitted: ["point-of-contact"],
        allowed: ["requester"],
        reason: "only the organisation's point of contact may approve change",
        message: `cust-7 (a member of the ticket's organisation) may not approve-change ticket ${TICKET}: only the organisation's point of contact may approve change`,
      }),
    );
  });

  it("comes before the status: a requester accepting a resolved ticket learns nothing of it", () => {
    const resolved = ticketIn("resolved", policy).state;
    expect(decide(commandOf("accept", {}, { actor: requester }), resolved, policy)).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", action: "accept" })),
    );
    expect(decide(commandOf("accept", {}, { actor: agent }), resolved, policy)).toEqual(
      E.left(expect.objectContaining({ code: "ILLEGAL_TRANSITION" })),
    );
  });

  it("but after existence: a command on a ticket never opened is TICKET_NOT_FOUND for anyone", () => {
    expect(decide(approve(colleague), fold([]), policy)).toEqual(
      E.left(expect.objectContaining({ code: "TICKET_NOT_FOUND" })),
    );
  });
});

describe("the point of contact (P-B)", () => {
  it("an organisation the policy lists no contacts for: the requester is its point of contact", () => {
    expect(E.isRight(decide(approve(), changeRequest, policy))).toBe(true);
    expect(E.isLeft(decide(approve(colleague), changeRequest, policy))).toBe(true);
  });

  it("an organisation with listed contacts: only they approve, the requester no longer", () => {
    const listed: Policy = {
      ...policy,
      notifications: { contacts: { organisations: { Acme: [{ address: "pat@acme.example" }] } } },
    };
    expect(decide(approve(), changeRequest, listed)).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", relationships: ["requester"] })),
    );
    const pat = { kind: "requester", id: "Pat@Acme.example" } as const;
    expect(E.isRight(decide(approve(pat), changeRequest, listed))).toBe(true);
  });

  it("an organisation called like an object's own property is not confused with one", () => {
    const odd = fold(
      E.getOrElseW(() => [])(
        decide(openTicket({ category: "change-request", organisation: "constructor" }), fold([]), policy),
      ),
    );
    const listed: Policy = { ...policy, notifications: { contacts: { organisations: {} } } };
    expect(E.isRight(decide(approve(), odd, listed))).toBe(true);
  });
});

describe("an app's own rule", () => {
  const agentsApproveToo = authorizeBy({ ...defaultPermissions, "approve-change": ["point-of-contact", "agent"] });
  const noInterns: Authorize = (command, state, p) =>
    command.actor.id.startsWith("intern-")
      ? E.left(notPermitted(command, state, p, { permitted: ["agent"], reason: "interns work under supervision" }))
      : E.right(undefined);
  const intern = { kind: "agent", id: "intern-1" } as const;

  it("another table (authorizeBy): agents may approve as well", () => {
    expect(E.isLeft(decide(approve(agent), changeRequest, policy))).toBe(true);
    expect(E.isRight(decide(approve(agent), changeRequest, policy, { authorize: agentsApproveToo }))).toBe(true);
  });

  it("added to the default (allOf): both must let it through; the first refusal answers", () => {
    const rule = allOf(defaultAuthorize, noInterns);
    const note = commandOf("comment", { body: text("x") }, { actor: intern });
    expect(decide(note, pending, policy, { authorize: rule })).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", reason: "interns work under supervision" })),
    );
    expect(decide(commandOf("accept", {}, { actor: requester }), pending, policy, { authorize: rule })).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", action: "accept", permitted: ["agent", "system"] })),
    );
    expect(E.isRight(decide(commandOf("accept", {}), pending, policy, { authorize: rule }))).toBe(true);
  });

  it("in place of the default it decides alone; a customer's comment stays public, a rule of the model", () => {
    const anything: Authorize = () => E.right(undefined);
    expect(
      E.isRight(decide(commandOf("accept", {}, { actor: requester }), pending, policy, { authorize: anything })),
    ).toBe(true);
    const internal = commandOf("comment", { body: text("psst"), visibility: "internal" }, { actor: requester });
    expect(decide(internal, pending, policy, { authorize: anything })).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED", reason: "a customer's comment is always public" })),
    );
  });

  it("reaches ticketDecider and the handler", async () => {
    expect(
      E.isRight(ticketDecider(policy, { authorize: agentsApproveToo }).decide(approve(agent), changeRequest)),
    ).toBe(true);
    const store = createInMemoryEventStore({ now: () => T0 });
    const policies = singlePolicy(policy);
    await handleCommand(store, policies, openTicket({ category: "change-request" }));
    expect(await handleCommand(store, policies, approve(agent))).toEqual(
      E.left(expect.objectContaining({ code: "NOT_PERMITTED" })),
    );
    const handled = await handleCommand(store, policies, approve(agent), { authorize: agentsApproveToo });
    expect(E.isRight(handled) && handled.right.events.map((e) => e.type)).toEqual(["change-approved"]);
  });
});

describe("the transition table and the permissions table agree", () => {
  it.each(Object.keys(defaultPermissions).filter((a) => a !== "internal-comment"))(
    "%s: `by` is the kinds permitted",
    (action) => {
      const permitted = defaultPermissions[action as keyof typeof defaultPermissions];
      const kinds = (["requester", "agent", "system"] as ActorKind[]).filter((k) =>
        permitted.some((r) => relationshipKind[r] === k),
      );
      expect(transitionTable[action as keyof typeof transitionTable].by).toEqual(kinds);
    },
  );
});
