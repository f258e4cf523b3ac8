/**
 * Who may do what to a ticket, as a scenario table (decide/permissions.ts): each command by
 * each way of standing to the ticket — its requester (by id or mail address), its
 * organisation's point of contact (P-B), a member of its organisation, another customer, an
 * agent, the system — accepted or NOT_PERMITTED naming who, what and why. Run through `decide`,
 * on tickets in a status where the command is legal, so only authorisation can refuse.
 */
import { commandOf, completeFields, reopenWindowPolicy, T0, TICKET, text } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Policy } from "../policy/policy.js";
import { HOUR } from "../shared/duration.js";
import type { TicketCommand, TicketCommandType } from "../ticket/commands.js";
import type { Actor } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import type { Status } from "../ticket/transitions.js";
import { decide } from "./decide.js";

const POC = "poc@acme.example";
/** P-B and P-D together: change requests wait for Acme's point of contact; closed tickets reopen for 30 days. */
const policy: Policy = {
  ...reopenWindowPolicy,
  workflow: { ...reopenWindowPolicy.workflow, approvalRequired: ["change-request"] },
  notifications: { contacts: { organisations: { Acme: [{ address: POC, name: "Pat" }] } } },
};

const actors = {
  requester: { kind: "requester", id: "cust-1" },
  "requester by mail": { kind: "requester", id: " Carla@Example.com" },
  "point of contact": { kind: "requester", id: "POC@acme.example" },
  colleague: { kind: "requester", id: "cust-7", organisation: "Acme" },
  "other customer": { kind: "requester", id: "cust-9" },
  "other organisation": { kind: "requester", id: "cust-8", organisation: "Globex" },
  agent: { kind: "agent", id: "agent-1" },
  system: { kind: "system", id: "timers" },
} as const satisfies Record<string, Actor>;
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];

const agent = actors.agent;
/** A change request of Acme's, requested by cust-1 (carla@example.com), brought to `status`. */
const ticketIn = (status: Status, approved = true): TicketState => {
  const at = (h: number) => ({ at: T0 + h * HOUR });
  const steps: TicketCommand[] = [
    commandOf("open", { ...completeFields({ category: "change-request" }) }, { ...at(0), actor: actors.requester }),
    ...(approved ? [commandOf("approve-change", {}, { ...at(0.5), actor: actors["point of contact"] })] : []),
    ...(status === "new" ? [] : [commandOf("accept", {}, { ...at(1), actor: agent })]),
    ...(status === "resolved" || status === "closed"
      ? [commandOf("resolve", { resolution: text("Done") }, { ...at(2), actor: agent })]
      : []),
    ...(status === "closed" ? [commandOf("close", {}, { ...at(3), actor: agent })] : []),
  ];
  return steps.reduce((state, c) => {
    const d = decide(c, state, policy);
    if (E.isLeft(d)) throw new Error(`fixture: ${c.type} refused: ${d.left.message}`);
    return fold(d.right, state);
  }, fold([]));
};

/** Each command, in a status where it is legal, and who may issue it there. */
const table: [TicketCommandType | "internal note", Status, unknown, readonly Who[], boolean?][] = [
  ["approve-change", "new", {}, ["point of contact"], false],
  ["reject-change", "new", {}, ["point of contact"], false],
  ["give-feedback", "resolved", { rating: "positive" }, ["requester", "requester by mail"]],
  ["close", "open", {}, ["requester", "requester by mail", "point of contact", "agent", "system"]],
  ["reopen", "resolved", {}, ["requester", "requester by mail", "point of contact", "colleague", "agent"]],
  [
    "comment",
    "open",
    { body: "Any news?" },
    ["requester", "requester by mail", "point of contact", "colleague", "agent", "system"],
  ],
  ["internal note", "open", { body: "Checked the logs", visibility: "internal" }, ["agent", "system"]],
  ["request-escalation", "open", {}, ["requester", "requester by mail", "point of contact", "agent"]],
  ["accept", "new", {}, ["agent", "system"]],
  ["log-time", "open", { minutes: 30 }, ["agent"]],
  ["record-sla-breach", "open", { metric: "response", cycle: 0, deadline: T0 }, ["system"]],
];
const cases = table.flatMap(([type, status, data, allowed, approved]) =>
  everyone.map((who) => [type, who, allowed.includes(who), status, data, approved ?? true] as const),
);

describe("who may do what to a ticket", () => {
  it.each(cases)("%s by %s: allowed %s", (type, who, allowed, status, data, approved) => {
    const state = ticketIn(status, approved);
    const commandType = type === "internal note" ? "comment" : type;
    const command = commandOf(commandType, data as never, { at: T0 + 5 * HOUR, actor: actors[who] });
    const decision = decide(command, state, policy);
    if (allowed) {
      expect(E.isRight(decision) ? "accepted" : decision.left).toBe("accepted");
      return;
    }
    expect(decision).toEqual(
      E.left(
        expect.objectContaining({
          code: "NOT_PERMITTED",
          action: type === "internal note" ? "internal-comment" : type,
          ticketId: TICKET,
          actor: actors[who].kind,
          actorId: actors[who].id,
        }),
      ),
    );
  });
});
