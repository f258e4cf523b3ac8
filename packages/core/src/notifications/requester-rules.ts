/**
 * Notices to the requester (and the customer's points of contact). Every rule names the
 * policy that asks for it. Internal notes never appear here: a comment only reaches the
 * requester when it is public and written by an agent (P-D).
 */
import { formatInstant } from "../shared/instant.js";
import { type Notice, notice, priorityName, type RuleInput } from "./notice.js";
import { organisationContactsOf, requesterOf } from "./recipients.js";
import { autoCloseAt } from "./sla-settings.js";
import { ticketLink } from "./ticket-reference.js";

/** P-D, P-E: the opening is confirmed with the ticket number and link. */
const opened = (input: RuleInput): Notice[] => [notice(input, "ticket-opened", "requester", requesterOf(input.after))];

/** P-B, P-C: high priorities raised by mail or web must also be phoned in (a reminder, not a block). */
const phoneInReminder = (input: RuleInput): Notice[] => {
  const { after, settings } = input;
  const channel = after.fields?.channel;
  if (channel !== "email" && channel !== "web") return [];
  if (after.priority === null || !settings.phoneInPriorities.includes(after.priority)) return [];
  const data = settings.phone !== undefined ? { phone: settings.phone } : {};
  return [notice(input, "phone-in-reminder", "requester", requesterOf(after), data, true)];
};

/**
 * P-E: returned to the requester for more information. P-B: a change request waits for the
 * approval of the customer's point of contact, who is asked (the requester when none is known).
 */
const awaitingCustomer = (input: RuleInput): Notice[] => {
  const { event, after } = input;
  if (event.type !== "awaiting-customer") return [];
  const data = {
    reason: event.data.reason,
    ...(event.data.question !== undefined ? { question: event.data.question } : {}),
  };
  if (event.data.reason === "book-session") return sessionBookingLink(input, data);
  if (event.data.reason === "approval") {
    const contacts = organisationContactsOf(after, input.settings.contacts);
    const to = contacts.length > 0 ? contacts : requesterOf(after);
    return [notice(input, "approval-requested", "requester", to, data)];
  }
  return [notice(input, "ticket-awaiting-customer", "requester", requesterOf(after), data)];
};

/**
 * P-A: "a scheduling link … Choose a convenient time to work with an engineer"; P-B: "the email
 * will contain a link requesting you to book a time with an IT Pro". Sent when the desk waits
 * for the customer to book (`await-customer` with reason `book-session`); `bookingLink` is the
 * policy's `workflow.sessions.bookingLink` with the ticket filled in.
 */
const sessionBookingLink = (input: RuleInput, data: Record<string, string>): Notice[] => {
  const template = input.policy.workflow?.sessions?.bookingLink;
  const link =
    template === undefined
      ? {}
      : { bookingLink: ticketLink(template, input.event.ticketId, input.ticket.number ?? "") };
  return [notice(input, "session-booking-link", "requester", requesterOf(input.after), { ...data, ...link })];
};

/** P-A: "Once scheduled, you'll receive a confirmation email": the session's start and end. */
const sessionScheduled = (input: RuleInput): Notice[] => {
  const { event, after } = input;
  if (event.type !== "session-scheduled") return [];
  const data = { start: formatInstant(event.data.start), end: formatInstant(event.data.start + event.data.length) };
  return [notice(input, "session-scheduled", "requester", requesterOf(after), data)];
};

/** P-D, P-E: resolved, with the instant it closes by itself when the policy auto-closes; P-A: feedback request. */
const resolved = (input: RuleInput): Notice[] => {
  const { event, after, policy } = input;
  if (event.type !== "resolved") return [];
  const closesAt = autoCloseAt(policy, event.at, input.calendars);
  const data: Record<string, string> = { resolution: event.data.resolution };
  if (closesAt !== undefined) data.closesAt = formatInstant(closesAt);
  const to = requesterOf(after);
  return [notice(input, "ticket-resolved", "requester", to, data), notice(input, "feedback-request", "requester", to)];
};

/** P-D, P-E: closed, whoever closed it and why. */
const closed = (input: RuleInput): Notice[] => {
  const { event, after } = input;
  if (event.type !== "closed") return [];
  const data = { reason: event.data.reason, by: event.data.by };
  return [notice(input, "ticket-closed", "requester", requesterOf(after), data)];
};

/** P-E: a priority changed by support (agents and system rules; requesters cannot change it). */
const prioritised = (input: RuleInput): Notice[] => {
  const { event, after, policy } = input;
  if (event.type !== "prioritised" || event.actor.kind === "requester") return [];
  const data: Record<string, string> = {
    from: event.data.from,
    to: event.data.to,
    fromName: priorityName(policy, event.data.from),
    toName: priorityName(policy, event.data.to),
    cause: event.data.cause,
  };
  if (event.data.reason !== undefined) data.reason = event.data.reason;
  return [notice(input, "priority-changed", "requester", requesterOf(after), data)];
};

/** P-D: new public information from an agent. Internal notes are never sent to a requester. */
const publicReply = (input: RuleInput): Notice[] => {
  const { event, after } = input;
  if (event.type !== "commented" || event.data.visibility !== "public" || event.data.author !== "agent") return [];
  return [notice(input, "public-reply", "requester", requesterOf(after), { body: event.data.body })];
};

/** Requester rules by event type. */
export const requesterRules = (input: RuleInput): Notice[] => {
  switch (input.event.type) {
    case "opened":
      return [...opened(input), ...phoneInReminder(input)];
    case "accepted":
      return [notice(input, "ticket-accepted", "requester", requesterOf(input.after))];
    case "awaiting-customer":
      return awaitingCustomer(input);
    case "resolved":
      return resolved(input);
    case "closed":
      return closed(input);
    case "prioritised":
      return prioritised(input);
    case "commented":
      return publicReply(input);
    case "session-scheduled":
      return sessionScheduled(input);
    default:
      return [];
  }
};
