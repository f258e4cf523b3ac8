/**
 * The notification part of a policy: which language the desk writes in, how a ticket is
 * referred to (subject tag, link), who the contacts behind each role are, when non-urgent
 * staff notices may be delivered (quiet hours), and which priorities get the phone-in
 * reminder. Every field is optional; `notificationSettings` (notifications/settings.ts) fills in
 * the defaults.
 */
import * as t from "io-ts";

export const LocaleC = t.keyof({ en: null, de: null, ru: null });
export type Locale = t.TypeOf<typeof LocaleC>;

/** The notification rules; a policy may switch any of them off. */
export const NotificationRuleC = t.keyof({
  "ticket-opened": null,
  "phone-in-reminder": null,
  "ticket-accepted": null,
  "ticket-awaiting-customer": null,
  "approval-requested": null,
  "session-booking-link": null,
  "session-scheduled": null,
  "ticket-resolved": null,
  "feedback-request": null,
  "ticket-closed": null,
  "ticket-reopened": null,
  "priority-changed": null,
  "public-reply": null,
  "customer-comment": null,
  "escalation-reached": null,
  "escalation-requested": null,
  "sla-warning": null,
  "sla-breach": null,
  "ola-breach": null,
});
export type NotificationRule = t.TypeOf<typeof NotificationRuleC>;
export const notificationRules = Object.keys(NotificationRuleC.keys) as NotificationRule[];

/** Somebody a notice can be sent to: an address (mail address, chat handle…) and a name. */
export const ContactC = t.intersection([t.type({ address: t.string }), t.partial({ name: t.string })]);
export type Contact = t.TypeOf<typeof ContactC>;

const contactList = t.array(ContactC);

export const ContactsC = t.partial({
  /** Customer organisation → its points of contact (P-B approvals go to them). */
  organisations: t.record(t.string, contactList),
  /** Support group → the group's shared address (used when nobody is assigned). */
  groups: t.record(t.string, contactList),
  /** Agent id → the agent's own address. */
  agents: t.record(t.string, ContactC),
  /** Agent id or group name → their managers; `"*"` is everybody's manager. */
  managers: t.record(t.string, contactList),
  /** Escalation ladder role (`head-of-support`, `account-manager`, `ceo`) → contacts (P-C). */
  escalation: t.record(t.string, contactList),
});
export type Contacts = t.TypeOf<typeof ContactsC>;

export const NotificationPolicyC = t.partial({
  /** Language of every notice of this policy; default `en`. */
  locale: LocaleC,
  /** Link to a ticket, e.g. `https://desk.example/t/{ticketId}`; `{number}` is also replaced. */
  ticketLink: t.string,
  /** Subject tag format; default `[#{number}]` (P-D: replies carrying it thread to the ticket). */
  ticketTag: t.string,
  contacts: ContactsC,
  /** Non-urgent staff notices wait until this calendar is open (a name from `calendars`). */
  quietHours: t.type({ calendar: t.string }),
  /** Priorities that must also be phoned in (P-B, P-C); default: the workflow's `phoneInPriorities`. */
  phoneIn: t.partial({ priorities: t.array(t.string), phone: t.string }),
  /** Priorities whose staff notices are urgent (never held back); default: the phone-in ones. */
  urgentPriorities: t.array(t.string),
  /** Rules this desk does not want. */
  disabledRules: t.array(NotificationRuleC),
});
export type NotificationPolicy = t.TypeOf<typeof NotificationPolicyC>;
