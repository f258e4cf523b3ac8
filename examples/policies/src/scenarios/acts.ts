/**
 * What people do to a ticket in the scenarios, as commands without their envelope (the walk
 * adds ticket, tenant and instant). The requester is a customer of "example-co", which has a
 * point of contact; staff is one agent.
 */
import type { Actor, Instant } from "@ticketfold/core";

export interface Act {
  readonly type: string;
  readonly actor: Actor;
  readonly data: unknown;
}

export const customer: Actor = { kind: "requester", id: "cust-1", name: "Dana" };
/** example-co's point of contact, as P-B's policy lists them (their address is their id). */
export const pointOfContact: Actor = { kind: "requester", id: "it-contact@example-co.example", name: "Pat" };
export const agent: Actor = { kind: "agent", id: "agent-1", name: "Sam" };

/**
 * Opens a ticket; the defaults are a plain incident mailed in by the customer. Loose on
 * purpose: scenarios also send what intake must refuse or default (a malformed priority).
 */
export const open = (data: Record<string, unknown> = {}): Act => ({
  type: "open",
  actor: customer,
  data: {
    subject: "Outlook does not start",
    description: "Since this morning Outlook closes right after starting.",
    category: "incident",
    channel: "email",
    organisation: "example-co",
    requester: { id: "cust-1", name: "Dana", email: "dana@example-co.example", phone: "+1 555 0100" },
    ...data,
  },
});

/** A public reply by the agent: the first one stops the response clock. */
export const reply = (body = "We are looking into it."): Act => ({ type: "comment", actor: agent, data: { body } });

/** A public comment by the customer (answers a question, reopens a resolved ticket). */
export const customerComment = (body = "Here is the log file you asked for."): Act => ({
  type: "comment",
  actor: customer,
  data: { body },
});

export const accept = (): Act => ({ type: "accept", actor: agent, data: {} });

/** The agent returns the ticket to the customer (P-D "in Rückfrage", P-E "return for information"). */
export const askCustomer = (
  reason: "more-information" | "approval" = "more-information",
  question = "Please send the log file.",
): Act => ({ type: "await-customer", actor: agent, data: { reason, question } });

export const sharePlan = (plan = "Rebuild the mail profile in a remote session."): Act => ({
  type: "share-plan",
  actor: agent,
  data: { plan },
});

export const resolve = (workaround?: boolean): Act => ({
  type: "resolve",
  actor: agent,
  data: { resolution: "The mail profile was rebuilt.", ...(workaround === undefined ? {} : { workaround }) },
});

export const reopen = (): Act => ({ type: "reopen", actor: customer, data: {} });

export const changePriority = (priority: string, cause?: "manual" | "workaround"): Act => ({
  type: "change-priority",
  actor: agent,
  data: { priority, ...(cause === undefined ? {} : { cause }) },
});

export const requestEscalation = (reason = "No progress on a stopped process."): Act => ({
  type: "request-escalation",
  actor: customer,
  data: { reason },
});

export const giveFeedback = (rating: "positive" | "neutral" | "negative"): Act => ({
  type: "give-feedback",
  actor: customer,
  data: { rating },
});

export const logTime = (minutes: number, outOfPlan?: boolean): Act => ({
  type: "log-time",
  actor: agent,
  data: { minutes, ...(outOfPlan === undefined ? {} : { outOfPlan }) },
});

/** The customer's point of contact approves a change request (P-B). */
export const approveChange = (actor: Actor = pointOfContact): Act => ({ type: "approve-change", actor, data: {} });

export const scheduleSession = (start: Instant, length: number): Act => ({
  type: "schedule-session",
  actor: agent,
  data: { start, length },
});
