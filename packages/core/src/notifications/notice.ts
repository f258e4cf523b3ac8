/**
 * The vocabulary shared by the notification rules: what a rule is given (the event, the
 * states around it, the policy and its notification settings) and what it answers (notices —
 * intents before ids, locale and quiet hours are applied). Also the template values every
 * notice carries: ticket number, tag, link, subject and priority.
 */

import type { NotificationRule } from "../policy/notifications.js";
import type { Policy } from "../policy/policy.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import type { Audience, NotificationData, Recipient } from "./intent.js";
import type { NotificationSettings } from "./settings.js";
import type { CalendarLookup } from "./sla-settings.js";
import { ticketLink, ticketNumber, ticketTag } from "./ticket-reference.js";

export interface RuleInput {
  readonly event: TicketEvent;
  readonly before: TicketState;
  readonly after: TicketState;
  readonly policy: Policy;
  readonly settings: NotificationSettings;
  /** Compiled calendars by the names the policy uses (auto-close time). */
  readonly calendars: CalendarLookup | undefined;
  /** Values every notice of this event carries (see `ticketData`). */
  readonly ticket: NotificationData;
}

export interface Notice {
  readonly rule: NotificationRule;
  readonly templateKey: string;
  readonly audience: Audience;
  readonly urgent: boolean;
  readonly to: readonly Recipient[];
  readonly data: NotificationData;
}

export type NotificationRuleFn = (input: RuleInput) => Notice[];

/** Builds a notice whose template key is the rule's name, with the ticket's values merged in. */
export const notice = (
  input: RuleInput,
  rule: NotificationRule,
  audience: Audience,
  to: readonly Recipient[],
  data: NotificationData = {},
  urgent = false,
): Notice => ({ rule, templateKey: rule, audience, urgent, to, data: { ...input.ticket, ...data } });

export const priorityName = (policy: Policy, id: string | null): string =>
  id === null ? "" : (policy.priorities.levels.find((l) => l.id === id)?.name ?? id);

/** Is the ticket's current priority one whose staff notices are never held back? */
export const isUrgentPriority = (input: RuleInput): boolean =>
  input.after.priority !== null && input.settings.urgentPriorities.includes(input.after.priority);

/** The values every notice carries. Only public facts: nothing from internal notes. */
export const ticketData = (
  event: TicketEvent,
  after: TicketState,
  policy: Policy,
  settings: NotificationSettings,
  suppliedNumber: string | undefined,
): NotificationData => {
  const number = ticketNumber(event.ticketId, suppliedNumber);
  const data: Record<string, string> = {
    ticketId: event.ticketId,
    number,
    tag: ticketTag(settings.ticketTag, event.ticketId, number),
    subject: after.fields?.subject ?? "",
    priority: after.priority ?? "",
    priorityName: priorityName(policy, after.priority),
    status: after.status,
  };
  if (settings.ticketLink !== undefined) data.link = ticketLink(settings.ticketLink, event.ticketId, number);
  const name = after.fields?.requester.name;
  if (name !== undefined) data.requesterName = name;
  return data;
};
