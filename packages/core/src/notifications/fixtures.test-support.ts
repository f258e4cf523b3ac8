/** Test fixtures for the notification rules: a policy, events and a history runner. */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Policy } from "../policy/policy.js";
import { HOUR } from "../shared/duration.js";
import { tenantId, ticketId } from "../shared/ids.js";
import { currentSchemaVersion, type EventOf, type TicketEvent, type TicketEventType } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import type { NotificationIntent } from "./intent.js";
import { type NotificationContext, notificationsFor } from "./notifications-for.js";

export const TICKET = ticketId("01HZX3K9Q7W2E5R8T1Y4V6J0PA");
export const TENANT = tenantId("acme");
export const T0 = Date.parse("2025-03-03T10:00:00Z");

export const policy: Policy = {
  id: "p-c" as Policy["id"],
  name: "contract desk",
  priorities: {
    levels: [
      { id: "1", name: "Critical" },
      { id: "2", name: "High" },
      { id: "3", name: "Medium" },
      { id: "4", name: "Low" },
    ] as Policy["priorities"]["levels"],
    default: "4",
  },
  workflow: { phoneInPriorities: ["1", "2"] },
  sla: {
    timers: { autoCloseResolved: { after: 72 * HOUR } },
    ladder: [
      { metric: "response", multiple: 1, level: 1, roles: ["head-of-support"] },
      { metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] },
      { metric: "resolution", multiple: 1, level: 2, roles: ["head-of-support", "account-manager"] },
      { metric: "resolution", multiple: 2, level: 2, roles: ["account-manager"] },
      { metric: "resolution", multiple: 3, level: 3, roles: ["ceo"] },
    ],
  },
  notifications: {
    locale: "de",
    ticketLink: "https://desk.example/t/{ticketId}",
    contacts: {
      organisations: { Contoso: [{ address: "poc@contoso.example", name: "Point of Contact" }] },
      agents: { "agent-7": { address: "ann@desk.example", name: "Ann" } },
      groups: { "1st-line": [{ address: "first@desk.example" }] },
      managers: { "*": [{ address: "boss@desk.example", name: "Boss" }] },
      escalation: {
        "head-of-support": [{ address: "head@desk.example" }],
        "account-manager": [{ address: "am@desk.example" }],
        ceo: [{ address: "ceo@desk.example" }],
      },
    },
    phoneIn: { phone: "+49 30 1234" },
    quietHours: { calendar: "office" },
  },
};

export const agent = { kind: "agent", id: "agent-7" } as const;
export const requester = { kind: "requester", id: "cust-1" } as const;
export const system = { kind: "system", id: "timers" } as const;

export const ev = <K extends TicketEventType>(
  type: K,
  data: EventOf<K>["data"],
  at = T0,
  actor: TicketEvent["actor"] = agent,
): TicketEvent =>
  ({
    type,
    schemaVersion: currentSchemaVersion[type],
    ticketId: TICKET,
    tenantId: TENANT,
    at,
    actor,
    data,
  }) as TicketEvent;

export const opened = (priority = "3", channel: "email" | "web" | "phone" = "email"): TicketEvent =>
  ev(
    "opened",
    {
      subject: "Printer on fire" as never,
      description: "Smoke everywhere" as never,
      category: "incident",
      channel,
      requester: { id: "cust-1" as never, email: "kim@contoso.example", name: "Kim" },
      organisation: "Contoso",
      priority,
      priorityDefaulted: false,
      policyId: "p-c",
      approvalRequired: false,
    },
    T0,
    requester,
  );

/** Applies `history`, then returns the intents of `event` on top of it. */
export const intentsAfter = (
  history: readonly TicketEvent[],
  event: TicketEvent,
  context: Partial<NotificationContext> = {},
  p: Policy = policy,
): NotificationIntent[] => {
  const before = history.reduce<TicketState>(evolve, initialState);
  const after = evolve(before, event);
  return notificationsFor(event, before, after, p, { eventId: "evt-1", ...context });
};

/** Calendars by name, as an app hands them to `notificationsFor`. */
export const calendars = (name: string): BusinessCalendar | undefined => (name === "office" ? officeHours : undefined);

/** A calendar open Mon–Fri 09:00–17:00 UTC, enough for quiet-hours tests. */
export const officeHours: BusinessCalendar = {
  id: "office",
  version: 1,
  timeZone: "UTC",
  isOpen: (at) => {
    const d = new Date(at);
    const day = d.getUTCDay();
    const h = d.getUTCHours();
    return day >= 1 && day <= 5 && h >= 9 && h < 17;
  },
  nextOpen(at) {
    let t = at;
    while (!this.isOpen(t)) t = Math.floor(t / HOUR) * HOUR + HOUR;
    return t;
  },
  add: () => {
    throw new Error("not used");
  },
  subtract: () => {
    throw new Error("not used");
  },
  between: () => {
    throw new Error("not used");
  },
};
