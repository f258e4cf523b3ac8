/**
 * The tickets of the SLA week (Mon 2025-03-03 08:00 → Fri 18:00 UTC), each a script of what
 * people do; everything else is done by time, through the policies' SLA rules:
 * - C1 (P-C, 24×7): P1 nobody answers in time. Response breached at 09:30; the ladder climbs
 *   to level 1 (head of support), 2 (account manager) and 3 (CEO) while it stays unresolved.
 * - C2 (P-C): P1 waiting for a customer who stays silent: downgraded to P2 after 3 h; its
 *   resolution clock pauses while it waits, so no ladder step comes.
 * - D1 (P-D): resolved the week before; auto-closed by the system 7 days after.
 * - E1 (P-E, business hours Mon–Fri 09–18): opened on Friday night, its clocks start on
 *   Monday 09:00; two hours awaiting the customer do not count; resolution breached Wed 17:00.
 * - E2 (P-E): critical, opened Wed 17:30: counts 30 min that evening, the rest on Thursday.
 */
import type { Policy } from "@ticketfold/core";
import { pC, pD, pE } from "@ticketfold/example-policies";
import type { Actor } from "./desk.js";
import type { Step } from "./script.js";

export interface WeekTicket {
  /** The short name the tables use. */
  readonly key: string;
  readonly tenantId: string;
  readonly policy: Policy;
  /** When the first step (the opening) happens. */
  readonly opensAt: string;
  readonly script: readonly Step[];
}

/** The simulated week, UTC. */
export const WEEK_START = "2025-03-03T08:00:00Z";
export const WEEK_END = "2025-03-07T18:00:00Z";
/** The week's timeline starts earlier: D1 and E1 were opened the week before. */
export const WEEK_HISTORY_START = "2025-02-26T09:00:00Z";

const boris: Actor = { kind: "requester", id: "boris.ivanov", name: "Boris Ivanov" };
const olga: Actor = { kind: "agent", id: "olga", name: "Olga (2nd line)" };
const jonas: Actor = { kind: "requester", id: "jonas.weber", name: "Jonas Weber" };
const max: Actor = { kind: "agent", id: "max", name: "Max (support)" };
const mia: Actor = { kind: "requester", id: "mia.chen", name: "Mia Chen" };
const ana: Actor = { kind: "agent", id: "ana", name: "Ana (service desk)" };

const contract = (subject: string, channel: "phone" | "email") =>
  ({
    subject,
    description: `${subject}.`,
    category: "incident",
    channel,
    requester: { id: "boris.ivanov", name: "Boris Ivanov", email: "boris@example.org" },
    contractId: "SC-2024-0117",
    priority: "1",
  }) as const;

const lumen = (subject: string, priority: string) =>
  ({
    subject,
    description: `${subject}.`,
    category: "incident",
    channel: "web",
    requester: { id: "mia.chen", name: "Mia Chen", email: "mia@example.com" },
    priority,
  }) as const;

export const weekTickets: readonly WeekTicket[] = [
  {
    key: "D1",
    tenantId: "weber-logistik",
    policy: pD,
    opensAt: "2025-02-26T10:00:00Z",
    script: [
      {
        after: "0m",
        by: jonas,
        type: "open",
        data: {
          subject: "Label printer offline after driver update",
          description: "The warehouse label printer stays offline since the driver update.",
          category: "incident",
          channel: "web",
          requester: { id: "jonas.weber", name: "Jonas Weber", email: "jonas@example.de" },
        },
      },
      { after: "20m", by: max, type: "accept", data: {} },
      { after: "20m", by: max, type: "comment", data: { body: "Rolling the driver back remotely now." } },
      { after: "1d", by: max, type: "resolve", data: { resolution: "Driver 4.1 restored; printer online." } },
    ],
  },
  {
    key: "E1",
    tenantId: "lumen-studio",
    policy: pE,
    opensAt: "2025-02-28T20:00:00Z",
    script: [
      { after: "0m", by: mia, type: "open", data: lumen("VPN drops every few minutes", "high") },
      { after: "61h20m", by: ana, type: "accept", data: {} },
      { after: "20m", by: ana, type: "comment", data: { body: "Looking into the VPN gateway logs." } },
      {
        after: "24h20m",
        by: ana,
        type: "await-customer",
        data: { reason: "more-information", question: "Which VPN client version do you run?" },
      },
      { after: "2h", by: mia, type: "comment", data: { body: "Client 5.2.1 on all laptops." } },
      { after: "47h", by: ana, type: "resolve", data: { resolution: "Gateway keep-alive raised to 60 s." } },
    ],
  },
  {
    key: "C1",
    tenantId: "nordwerk",
    policy: pC,
    opensAt: "2025-03-03T09:00:00Z",
    script: [
      { after: "0m", by: boris, type: "open", data: contract("Production line stopped: MES server down", "phone") },
      { after: "50m", by: olga, type: "accept", data: {} },
      { after: "20m", by: olga, type: "comment", data: { body: "On it: the MES database does not start." } },
      { after: "24h20m", by: olga, type: "resolve", data: { resolution: "Database restored from the 02:00 backup." } },
    ],
  },
  {
    key: "C2",
    tenantId: "nordwerk",
    policy: pC,
    opensAt: "2025-03-04T11:00:00Z",
    script: [
      { after: "0m", by: boris, type: "open", data: contract("Nightly backup fails", "phone") },
      { after: "10m", by: olga, type: "accept", data: {} },
      { after: "10m", by: olga, type: "comment", data: { body: "Checking the backup schedule." } },
      {
        after: "10m",
        by: olga,
        type: "await-customer",
        data: { reason: "more-information", question: "Please send the backup agent's log." },
      },
      { after: "21h30m", by: boris, type: "comment", data: { body: "Log attached: agent.log." } },
      { after: "7h", by: olga, type: "resolve", data: { resolution: "Backup target quota raised." } },
    ],
  },
  {
    key: "E2",
    tenantId: "lumen-studio",
    policy: pE,
    opensAt: "2025-03-05T17:30:00Z",
    script: [
      { after: "0m", by: mia, type: "open", data: lumen("Nobody can log in to accounting", "critical") },
      { after: "15h30m", by: ana, type: "accept", data: {} },
      { after: "10m", by: ana, type: "comment", data: { body: "The licence expired overnight; renewing." } },
      { after: "2h50m", by: ana, type: "resolve", data: { resolution: "Licence renewed; logins work." } },
    ],
  },
];
