/**
 * Open tickets for the SLA benchmark: four policies (24×7, UTC office hours, a Europe/Berlin
 * office with a lunch break and holidays, a P-C-like ladder on America/New_York hours), and
 * 20-event lives decided by the core that end with the ticket open again (reopened by a
 * customer comment), so every clock has paused, resumed and re-targeted.
 */
import {
  decide,
  decodePolicy,
  type Policy,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
  tenantId,
  ticketId,
} from "@ticketfold/core";
import { applyEvent, createClockLog, createInitialState } from "@ticketfold/core/internal";
import { benchAgent, benchCustomer, benchTicketId } from "../ticket-ids.js";

const priorities = {
  levels: [
    { id: "1", name: "Critical" },
    { id: "2", name: "High" },
    { id: "3", name: "Medium" },
    { id: "4", name: "Low" },
  ],
  default: "3",
};
const targets = (r: string, p: string, s: string) => ({
  response: { targets: { "1": r, "2": "2h", "3": "4h", "4": "8h" } },
  plan: { targets: { "1": p, "2": "8h", "3": "1d", "4": "2d" } },
  resolution: { targets: { "1": s, "2": "1d", "3": "2d", "4": "3d" } },
});
const weekdays = (intervals: string[][]) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, intervals]));

const policy = (id: string, calendar: unknown, extra: Record<string, unknown> = {}): Policy => {
  const calendars = calendar ? { office: calendar } : {};
  const metrics = Object.fromEntries(
    Object.entries(targets("1h", "2h", "8h")).map(([k, v]) => [k, calendar ? { ...v, calendar: "office" } : v]),
  );
  const decoded = decodePolicy({ id, name: id, priorities, calendars, sla: { metrics, ...extra } });
  if (decoded._tag === "Left") throw new Error(decoded.left.message);
  return decoded.right;
};

export const benchPolicies: readonly Policy[] = [
  policy("always-open", null, { warnings: [{ percent: 75 }] }),
  policy("utc-office", { id: "utc", version: 1, timeZone: "UTC", week: weekdays([["09:00", "18:00"]]) }),
  policy(
    "berlin-office",
    {
      id: "berlin",
      version: 2,
      timeZone: "Europe/Berlin",
      week: weekdays([
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ]),
      holidays: ["01-01", "05-01", "10-03", "12-24", "12-25", "12-26", "2025-04-18", "2025-04-21"],
    },
    { retarget: "restart" },
  ),
  policy(
    "contract-desk",
    { id: "ny", version: 1, timeZone: "America/New_York", week: weekdays([["08:00", "20:00"]]) },
    {
      reopen: "restart",
      ladder: [
        { metric: "response", multiple: 1, level: 1, roles: ["head-of-support"] },
        { metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] },
        { metric: "resolution", multiple: 1, level: 2, roles: ["head-of-support", "account-manager"] },
        { metric: "resolution", multiple: 3, level: 3, roles: ["ceo"] },
      ],
    },
  ),
];

const customer = benchCustomer;
const agent = benchAgent;

/** 17 commands, three of which yield two events: 20 events, ending open. */
const script = (n: number): readonly [typeof customer | typeof agent, string, Record<string, unknown>][] => [
  [
    customer,
    "open",
    {
      subject: `Issue ${n}`,
      description: "Something is broken.",
      category: "incident",
      channel: "email",
      requester: { id: customer.id },
      priority: String(1 + (n % 4)),
    },
  ],
  [agent, "accept", {}],
  [agent, "assign", { assignee: `agent-${n % 17}` }],
  [agent, "comment", { body: "Looking into it." }],
  [agent, "await-customer", { reason: "more-information" }],
  [customer, "comment", { body: "Here are the details." }],
  [agent, "comment", { body: "internal", visibility: "internal" }],
  [agent, "change-priority", { priority: String(1 + ((n + 1) % 4)) }],
  [agent, "share-plan", { plan: "Replace the part." }],
  [agent, "log-time", { minutes: 20 }],
  [agent, "comment", { body: "Part ordered." }],
  [agent, "await-customer", { reason: "more-information" }],
  [customer, "comment", { body: "Still broken." }],
  [customer, "comment", { body: "Any news?" }],
  [agent, "resolve", { resolution: "Part replaced." }],
  [customer, "comment", { body: "It broke again." }],
  [agent, "comment", { body: "On it." }],
];

/** Decides one open ticket's life; gaps of 5 minutes to about 9 hours. */
export const openTicket = (n: number, policy: Policy, start: number): { events: TicketEvent[]; state: TicketState } => {
  const id = ticketId(benchTicketId(n));
  const tenant = tenantId(`tenant-${n % 8}`);
  const state = createInitialState() as Parameters<typeof applyEvent>[0];
  const log = createClockLog();
  const events: TicketEvent[] = [];
  let at = start;
  script(n).forEach(([actor, type, data], i) => {
    at += (5 + ((n * 31 + i * 97) % 540)) * 60_000;
    const command = { type, ticketId: id, tenantId: tenant, at, actor, data };
    const decided = decide(command as TicketCommand, state as TicketState, policy);
    if (decided._tag === "Left") throw new Error(`step ${i} (${type}) refused: ${decided.left.message}`);
    for (const e of decided.right) {
      applyEvent(state, e, log);
      events.push(e);
    }
  });
  return { events, state: state as TicketState };
};
