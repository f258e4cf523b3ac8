/**
 * The JSON the adapter answers with: instants as ISO-8601 strings (as on every Ticketfold wire),
 * durations as milliseconds, events in their encoded form (`encodeEvent`).
 */
import {
  type CustomerTicketView,
  encodeEvent,
  formatInstant,
  type Handled,
  type Instant,
  type MetricSummary,
  type TicketListRow,
  type TicketPage,
} from "@ticketfold/core";

const iso = (at: Instant | null | undefined): string | null =>
  at === null || at === undefined ? null : formatInstant(at);

const metric = (m: MetricSummary) => ({
  ...m,
  deadline: iso(m.deadline),
  breachedAt: iso(m.breachedAt),
  stoppedAt: iso(m.stoppedAt),
});

/** A list row (and `GET /tickets/{ticketId}`). */
export const encodeRow = (r: TicketListRow) => ({
  ...r,
  openedAt: iso(r.openedAt),
  updatedAt: iso(r.updatedAt),
  resolvedAt: iso(r.resolvedAt),
  closedAt: iso(r.closedAt),
  nextDeadline: iso(r.nextDeadline),
  asOf: iso(r.asOf),
  sla: Object.fromEntries(Object.entries(r.sla).map(([name, m]) => [name, metric(m as MetricSummary)])),
});

export const encodePage = (p: TicketPage) => ({ rows: p.rows.map(encodeRow), nextCursor: p.nextCursor });

export const encodeCustomerView = (v: CustomerTicketView) => ({
  ...v,
  openedAt: iso(v.openedAt),
  updatedAt: iso(v.updatedAt),
  resolvedAt: iso(v.resolvedAt),
  closedAt: iso(v.closedAt),
  sessions: v.sessions.map((s) => ({ start: iso(s.start), length: s.length })),
  feedback: v.feedback === null ? null : { rating: v.feedback.rating, at: iso(v.feedback.at) },
  history: v.history.map((h) => ({
    ...h,
    at: iso(h.at),
    data:
      h.type === "session-scheduled" ? { ...h.data, start: iso(h.data.start) } : (h.data as Record<string, unknown>),
  })),
});

/** What a handled command answers: the ticket, its version after the command, the events it recorded. */
export const encodeHandled = (ticketId: string, h: Pick<Handled, "events" | "version" | "replayed">) => ({
  ticketId,
  version: h.version,
  replayed: h.replayed,
  events: h.events.map(encodeEvent),
});
