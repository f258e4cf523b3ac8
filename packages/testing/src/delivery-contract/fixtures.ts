/**
 * Fixtures of the delivery contract (outbox.ts, timers.ts), for adapters' own tests too: a
 * desk policy on 24×7 time (response 1 h, resolution 8 h, resolved tickets
 * close after 2 d, a lead who hears of breaches), commands for one ticket, counting id
 * sources and a channel that records what it was handed.
 */

import type {
  ChannelOutcome,
  CommandOf,
  DeliveryChannel,
  NotificationIntent,
  PolicyResolver,
  TenantId,
  TicketCommand,
  TicketId,
} from "@ticketfold/core";
import { decodePolicy, HOUR, type Policy, singlePolicy, tenantId, ticketId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";

export const TENANT: TenantId = tenantId("acme");
export const TICKET: TicketId = ticketId("01JQ0000000000000000000001");
/** Monday 2025-03-03 09:00 UTC. */
export const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
export const LEAD = "lead@desk.example";
export const REQUESTER = "carla@customer.example";

const decoded = decodePolicy({
  id: "desk",
  name: "Delivery test desk",
  priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
  sla: {
    metrics: { response: { targets: { normal: "1h" } }, resolution: { targets: { normal: "8h" } } },
    timers: { autoCloseResolved: { after: "2d" } },
  },
  notifications: { contacts: { managers: { "*": [{ address: LEAD, name: "Lee Lead" }] } } },
});
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
export const deskPolicy: Policy = decoded.right;
export const deskPolicies: PolicyResolver = singlePolicy(deskPolicy);

const envelope = (ticket: string, at: number, actor: TicketCommand["actor"]) => ({
  ticketId: ticketId(ticket),
  tenantId: TENANT,
  at,
  actor,
});
const customer = { kind: "requester", id: REQUESTER, name: "Carla" } as const;
const agent = { kind: "agent", id: "agent-1" } as const;

/** Opens `ticket` at `at`, by mail, for the requester. */
export const openCommand = (ticket: string = TICKET as string, at: number = T0): CommandOf<"open"> =>
  ({
    type: "open",
    ...envelope(ticket, at, customer),
    data: {
      subject: "Printer offline",
      description: "The printer on floor 3 is offline.",
      category: "incident",
      channel: "email",
      requester: { id: REQUESTER, email: REQUESTER, name: "Carla" },
    },
  }) as CommandOf<"open">;

export const acceptCommand = (ticket: string = TICKET, at: number = T0 + HOUR / 2): CommandOf<"accept"> =>
  ({ type: "accept", ...envelope(ticket, at, agent), data: {} }) as CommandOf<"accept">;

export const resolveCommand = (ticket: string = TICKET, at: number = T0 + HOUR / 2): CommandOf<"resolve"> =>
  ({
    type: "resolve",
    ...envelope(ticket, at, agent),
    data: { resolution: "Restarted the spooler." },
  }) as CommandOf<"resolve">;

/** Ticket ids `01JQ…0001`, `01JQ…0002`, … (valid ULIDs). */
export const ticketNo = (n: number): string => `01JQ${String(n).padStart(22, "0")}`;

/** Event ids `prefix-000001`, `prefix-000002`, …: unique and in order. */
export const countingIds = (prefix = "ev"): (() => string) => {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, "0")}`;
};

export interface RecordingChannel extends DeliveryChannel {
  readonly seen: NotificationIntent[];
}

/** A channel that records every intent; `answer` decides its outcome (default: delivered). */
export const recordingChannel = (
  name: string,
  answer: (intent: NotificationIntent, call: number) => ChannelOutcome = () => ({ ok: true }),
): RecordingChannel => {
  const seen: NotificationIntent[] = [];
  return {
    name,
    seen,
    async deliver(intent) {
      seen.push(intent);
      return answer(intent, seen.length);
    },
  };
};
