/**
 * Notices to staff: the person working the ticket, their managers and the escalation ladder's
 * contacts. Escalations and breaches are always urgent; other staff notices are urgent only
 * for urgent priorities, and otherwise may wait out the quiet hours.
 */
import { formatInstant } from "../shared/instant.js";
import { isUrgentPriority, type Notice, notice, type RuleInput } from "./notice.js";
import { escalationContactsOf, fromContact, managersOf, workerOf } from "./recipients.js";
import { ladderRoles } from "./sla-settings.js";

/** P-D: a reopened ticket goes back to whoever works it. */
const reopened = (input: RuleInput): Notice[] => {
  const { event, after, settings } = input;
  if (event.type !== "reopened") return [];
  const data = { from: event.data.from, reason: event.data.reason };
  return [notice(input, "ticket-reopened", "staff", workerOf(after, settings.contacts), data, isUrgentPriority(input))];
};

/** P-D: new public information from the customer reaches the assignee (or the group). */
const customerComment = (input: RuleInput): Notice[] => {
  const { event, after, settings } = input;
  if (event.type !== "commented" || event.data.visibility !== "public" || event.data.author !== "customer") return [];
  const to = workerOf(after, settings.contacts);
  return [notice(input, "customer-comment", "staff", to, { body: event.data.body }, isUrgentPriority(input))];
};

/** P-C: the ladder reached a level; its roles are in the event. */
const escalationReached = (input: RuleInput): Notice[] => {
  const { event, settings } = input;
  if (event.type !== "escalation-level-reached") return [];
  const to = escalationContactsOf(event.data.roles, settings.contacts);
  const data = { level: String(event.data.level), metric: event.data.metric, roles: event.data.roles.join(", ") };
  return [notice(input, "escalation-reached", "staff", to, data, true)];
};

/**
 * P-C: the customer escalated. The level's roles come from the policy's ladder; a ladder that
 * names none for the level falls back to the worker's managers.
 */
const escalationRequested = (input: RuleInput): Notice[] => {
  const { event, after, policy, settings } = input;
  if (event.type !== "escalation-requested") return [];
  const roles = ladderRoles(policy, event.data.level);
  const to = roles.length > 0 ? escalationContactsOf(roles, settings.contacts) : managersOf(after, settings.contacts);
  const data: Record<string, string> = { level: String(event.data.level), roles: roles.join(", ") };
  if (event.data.reason !== undefined) data.reason = event.data.reason;
  return [notice(input, "escalation-requested", "staff", to, data, true)];
};

/**
 * A group missed its OLA: its managers are told (`contacts.managers[group]`, else `"*"`), and
 * the group itself; internal, so the requester never is. Urgent, as an SLA breach is.
 */
const olaBreach = (input: RuleInput): Notice[] => {
  const { event, settings } = input;
  if (event.type !== "ola-breached") return [];
  const managers = settings.contacts.managers ?? {};
  const list = managers[event.data.group] ?? managers["*"] ?? [];
  const shared = settings.contacts.groups?.[event.data.group] ?? [];
  const to = [
    ...(shared.length > 0 ? shared.map((c) => fromContact("group", c)) : [{ role: "group", id: event.data.group }]),
    ...list.map((c) => fromContact("manager", c)),
  ];
  const data = { group: event.data.group, deadline: formatInstant(event.data.deadline) };
  return [notice(input, "ola-breach", "staff", to, data, true)];
};

/** SLA warnings and breaches go to the worker and their manager; a breach is always urgent. */
const slaNotices = (input: RuleInput): Notice[] => {
  const { event, after, settings } = input;
  const to = [...workerOf(after, settings.contacts), ...managersOf(after, settings.contacts)];
  if (event.type === "sla-warning-issued") {
    const data = {
      metric: event.data.metric,
      warning: event.data.warning,
      deadline: formatInstant(event.data.deadline),
    };
    return [notice(input, "sla-warning", "staff", to, data, isUrgentPriority(input))];
  }
  if (event.type === "sla-breached") {
    const data = { metric: event.data.metric, deadline: formatInstant(event.data.deadline) };
    return [notice(input, "sla-breach", "staff", to, data, true)];
  }
  return [];
};

/** Staff rules by event type. */
export const staffRules = (input: RuleInput): Notice[] => {
  switch (input.event.type) {
    case "reopened":
      return reopened(input);
    case "commented":
      return customerComment(input);
    case "escalation-level-reached":
      return escalationReached(input);
    case "escalation-requested":
      return escalationRequested(input);
    case "sla-warning-issued":
    case "sla-breached":
      return slaNotices(input);
    case "ola-breached":
      return olaBreach(input);
    default:
      return [];
  }
};
