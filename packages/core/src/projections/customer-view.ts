/**
 * The customer-safe view of a ticket, for portals: the customer's own intake fields, status,
 * priority, the instants a customer sees, and the customer history (customer-history.ts). A
 * whitelist, field by field; everything else a ticket holds is staff-only (docs/projections.md,
 * "The customer view", tables each field). `updatedAt` is the last event the customer sees, so
 * an internal note does not show even as activity; the stream version is left out for the
 * same reason. `customerTicketRow` is the same cut of a list row, for P-D's organisation view.
 */
import type { Instant } from "../shared/instant.js";
import type { TicketIndexEntry } from "../store/ticket-queries.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketFields } from "../ticket/fields.js";
import type { TicketState } from "../ticket/state.js";
import type { Status } from "../ticket/transitions.js";
import { type CustomerHistoryItem, customerHistory } from "./customer-history.js";

/** The intake fields a customer gave (the customer tier is staff-only). */
export type CustomerTicketFields = Pick<
  TicketFields,
  | "subject"
  | "description"
  | "category"
  | "channel"
  | "requester"
  | "organisation"
  | "contractId"
  | "product"
  | "serialNumber"
  | "affectedUsers"
  | "totalUsers"
  | "intake"
  | "attachments"
>;
const FIELDS = [
  "subject",
  "description",
  "category",
  "channel",
  "requester",
  "organisation",
  "contractId",
  "product",
  "serialNumber",
  "affectedUsers",
  "totalUsers",
  "intake",
  "attachments",
] as const satisfies readonly (keyof CustomerTicketFields)[];

export interface CustomerTicketView {
  readonly ticketId: string;
  readonly status: Status;
  readonly priority: string;
  readonly fields: CustomerTicketFields;
  readonly openedAt: Instant;
  /** The last event the customer sees. */
  readonly updatedAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly closedAt: Instant | null;
  /** Why support waits for the customer, while it does. */
  readonly awaitingReason: string | null;
  /** A change request's approval by the customer (P-B). */
  readonly approval: TicketState["approval"];
  readonly sessions: TicketState["sessions"];
  readonly feedback: TicketState["feedback"];
  readonly history: readonly CustomerHistoryItem[];
}

const customerFields = (f: TicketFields): CustomerTicketFields => {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) if (f[k] !== undefined) out[k] = f[k];
  return out as CustomerTicketFields;
};

/** The view of an opened ticket from its state and its events (null when not opened). */
export const customerTicketView = (state: TicketState, events: readonly TicketEvent[]): CustomerTicketView | null => {
  const { ticketId, fields, priority, openedAt, status } = state;
  if (status === "none" || ticketId === null || fields === null || priority === null || openedAt === null) return null;
  const history = customerHistory(events);
  return {
    ticketId,
    status,
    priority,
    fields: customerFields(fields),
    openedAt,
    updatedAt: history.at(-1)?.at ?? openedAt,
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
    awaitingReason: status === "awaiting-customer" ? state.awaitingReason : null,
    approval: state.approval,
    sessions: state.sessions.map((s) => ({ start: s.start, length: s.length })),
    feedback: state.feedback === null ? null : { rating: state.feedback.rating, at: state.feedback.at },
    history,
  };
};

/** A list row as a customer may see it: no assignee, group, tier, policy, SLA or activity time. */
export interface CustomerTicketRow {
  readonly ticketId: string;
  readonly subject: string;
  readonly category: string;
  readonly status: Status;
  readonly priority: string;
  readonly requester: string;
  readonly organisation: string | null;
  readonly openedAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly closedAt: Instant | null;
}

export const customerTicketRow = (e: TicketIndexEntry): CustomerTicketRow => ({
  ticketId: e.ticketId,
  subject: e.subject,
  category: e.category,
  status: e.status,
  priority: e.priority,
  requester: e.requester,
  organisation: e.organisation,
  openedAt: e.openedAt,
  resolvedAt: e.resolvedAt,
  closedAt: e.closedAt,
});
