/**
 * The notification settings as the rules read them: the policy's notification part with every
 * default filled in (English, the `[#{number}]` tag, the workflow's phone-in priorities as the
 * urgent ones, no rule disabled).
 */
import type { Contacts, Locale, NotificationPolicy, NotificationRule } from "../policy/notifications.js";
import type { Policy } from "../policy/policy.js";

/** The settings with defaults applied, as the rules read them. */
export interface NotificationSettings {
  readonly locale: Locale;
  readonly ticketLink: string | undefined;
  readonly ticketTag: string;
  readonly contacts: Contacts;
  readonly quietHoursCalendar: string | undefined;
  readonly phoneInPriorities: readonly string[];
  readonly phone: string | undefined;
  readonly urgentPriorities: readonly string[];
  readonly disabledRules: readonly NotificationRule[];
}

export const defaultTicketTag = "[#{number}]";

export const notificationSettings = (policy: Policy): NotificationSettings => {
  const n: NotificationPolicy = policy.notifications ?? {};
  const phoneIn = n.phoneIn?.priorities ?? policy.workflow?.phoneInPriorities ?? [];
  return {
    locale: n.locale ?? "en",
    ticketLink: n.ticketLink,
    ticketTag: n.ticketTag ?? defaultTicketTag,
    contacts: n.contacts ?? {},
    quietHoursCalendar: n.quietHours?.calendar,
    phoneInPriorities: phoneIn,
    phone: n.phoneIn?.phone,
    urgentPriorities: n.urgentPriorities ?? phoneIn,
    disabledRules: n.disabledRules ?? [],
  };
};
