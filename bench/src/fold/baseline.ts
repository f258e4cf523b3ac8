/**
 * The baseline the fold is measured against: a hand-written mutable loop over the same events
 * into plain objects, keeping the essential fields (status, priority, counters, timestamps).
 * It is what a developer would write without immer, freezing or history lists.
 */
import type { TicketEvent } from "@ticketfold/core";

export interface PlainTicket {
  version: number;
  status: string;
  priority: string | null;
  assignee: string | null;
  openedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  lastEventAt: number | null;
  firstPublicAgentReplyAt: number | null;
  reopens: number;
  publicComments: number;
  internalComments: number;
  minutesBillable: number;
  minutesUnbilled: number;
}

export const foldByHand = (events: readonly TicketEvent[]): PlainTicket => {
  const s: PlainTicket = {
    version: 0,
    status: "none",
    priority: null,
    assignee: null,
    openedAt: null,
    resolvedAt: null,
    closedAt: null,
    lastEventAt: null,
    firstPublicAgentReplyAt: null,
    reopens: 0,
    publicComments: 0,
    internalComments: 0,
    minutesBillable: 0,
    minutesUnbilled: 0,
  };
  for (const e of events) {
    s.version++;
    s.lastEventAt = e.at;
    switch (e.type) {
      case "opened":
        s.status = "new";
        s.priority = e.data.priority;
        s.openedAt = e.at;
        break;
      case "prioritised":
        s.priority = e.data.to;
        break;
      case "accepted":
      case "customer-replied":
        s.status = "open";
        break;
      case "assigned":
        s.assignee = e.data.assignee;
        break;
      case "commented":
        if (e.data.visibility === "internal") s.internalComments++;
        else {
          s.publicComments++;
          if (e.data.author === "agent") s.firstPublicAgentReplyAt ??= e.at;
        }
        break;
      case "awaiting-customer":
        s.status = "awaiting-customer";
        break;
      case "resolved":
        s.status = "resolved";
        s.resolvedAt = e.at;
        break;
      case "reopened":
        s.status = "open";
        s.resolvedAt = null;
        s.closedAt = null;
        s.reopens++;
        break;
      case "closed":
        s.status = "closed";
        s.closedAt = e.at;
        break;
      case "time-logged":
        if (e.data.billable) s.minutesBillable += e.data.minutes;
        else s.minutesUnbilled += e.data.minutes;
        break;
      default:
        break;
    }
  }
  return s;
};
