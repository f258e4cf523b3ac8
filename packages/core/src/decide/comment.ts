/**
 * Comments and reopening: a customer comment is the reply while the ticket awaits the
 * customer, reopens a resolved ticket, and reopens a closed one only within the policy's
 * reopen window (P-D); customers never write internal notes.
 */
import * as E from "fp-ts/lib/Either.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import type { Policy } from "../policy/policy.js";
import type { CommandOf } from "../ticket/commands.js";
import { type DomainError, reopenWindowExpired } from "../ticket/errors.js";
import type { TicketState } from "../ticket/state.js";
import { attachmentRefusal } from "./attachments.js";
import { notPermitted } from "./authorize.js";
import { type Decision, eventFrom, ok } from "./build.js";

/** Refuses reopening a closed ticket past the policy's reopen window; undefined when allowed. */
export const reopenAllowed = (state: TicketState, at: number, policy: PolicyCore): DomainError | undefined => {
  if (state.status !== "closed" || state.closedAt === null) return undefined;
  const window = policy.workflow?.reopenWindow;
  if (window === undefined) return reopenWindowExpired(state.closedAt, null);
  if (window === "unlimited") return undefined;
  const end = state.closedAt + window;
  return at <= end ? undefined : reopenWindowExpired(state.closedAt, end);
};

export const decideComment = (c: CommandOf<"comment">, s: TicketState, policy: Policy): Decision => {
  const visibility = c.data.visibility ?? "public";
  const attachments = c.data.attachments ?? [];
  // The policy's limits hold on comments as on the opening message (P-C), for every author.
  const refused = attachmentRefusal(policy.workflow?.attachments, attachments, policy.id);
  if (refused !== undefined) return E.left(refused);
  if (c.actor.kind === "requester") {
    // Customers never write internal notes.
    // A rule of the model, not only a permission: a customer's comment is public, whatever
    // rule an app authorises with.
    if (visibility === "internal") {
      return E.left(
        notPermitted(c, s, policy, { permitted: ["agent", "system"], reason: "a customer's comment is always public" }),
      );
    }
    const commented = eventFrom(c, "commented", { author: "customer", visibility, body: c.data.body, attachments });
    switch (s.status) {
      case "awaiting-customer":
        return ok(commented, eventFrom(c, "customer-replied", {}));
      case "resolved":
        return ok(commented, eventFrom(c, "reopened", { from: "resolved", reason: "customer-comment" }));
      case "closed": {
        const refused = reopenAllowed(s, c.at, policy);
        return refused
          ? E.left(refused)
          : ok(commented, eventFrom(c, "reopened", { from: "closed", reason: "customer-comment" }));
      }
      default:
        return ok(commented);
    }
  }
  // Staff notes and replies never change the status, closed tickets included (the table's
  // `comment` row: from every status, by anyone).
  const author = c.actor.kind === "agent" ? "agent" : "system";
  return ok(eventFrom(c, "commented", { author, visibility, body: c.data.body, attachments }));
};
