/**
 * A ticket's history as its customer may see it (portals; P-D: organisation members see their
 * organisation's tickets). A whitelist: each event type the customer sees is copied field by
 * field, so a field added to an event later stays staff-only until it is added here. What is
 * dropped and why is tabled in docs/projections.md ("The customer view"); in short, internal
 * notes, assignment, time logs, policy changes, SLA warnings and breaches, escalations, and
 * every staff member's id are staff-only. Agents show by the name they signed with, if any.
 */
import type { Instant } from "../shared/instant.js";
import type { Actor, EventOf, TicketEvent } from "../ticket/events.js";

/** Who did it, as a customer sees it: a customer (with id), support staff or the system (no ids). */
export type CustomerActor =
  | { readonly kind: "customer"; readonly id: string; readonly name?: string }
  | { readonly kind: "agent"; readonly name?: string }
  | { readonly kind: "system" };

type Data<K extends TicketEvent["type"]> = EventOf<K>["data"];

/** The data each visible event type shows. */
export interface CustomerEventData {
  readonly opened: { readonly channel: Data<"opened">["channel"] };
  readonly accepted: Record<string, never>;
  readonly prioritised: Pick<Data<"prioritised">, "from" | "to" | "cause" | "reason">;
  readonly commented: Pick<Data<"commented">, "author" | "body" | "attachments">;
  readonly "plan-shared": Pick<Data<"plan-shared">, "plan">;
  readonly "awaiting-customer": Pick<Data<"awaiting-customer">, "reason" | "question">;
  readonly "customer-replied": Record<string, never>;
  readonly resolved: Pick<Data<"resolved">, "resolution" | "workaround">;
  readonly reopened: Pick<Data<"reopened">, "from" | "reason">;
  readonly closed: Pick<Data<"closed">, "by" | "reason">;
  readonly "feedback-given": Pick<Data<"feedback-given">, "rating" | "text">;
  readonly "change-approved": Record<string, never>;
  readonly "change-rejected": Pick<Data<"change-rejected">, "reason">;
  readonly "session-scheduled": Pick<Data<"session-scheduled">, "start" | "length">;
}

export type CustomerHistoryItem = {
  readonly [K in keyof CustomerEventData]: {
    readonly type: K;
    readonly at: Instant;
    readonly by: CustomerActor;
    readonly data: CustomerEventData[K];
  };
}[keyof CustomerEventData];

export const customerActor = (a: Actor): CustomerActor => {
  const named = a.name === undefined ? {} : { name: a.name };
  if (a.kind === "requester") return { kind: "customer", id: a.id, ...named };
  return a.kind === "agent" ? { kind: "agent", ...named } : { kind: "system" };
};

/** Copies the listed fields that are present (exactOptionalPropertyTypes: no `undefined` values). */
const pick = <T extends object, K extends keyof T>(o: T, ...keys: K[]): Pick<T, K> => {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out as Pick<T, K>;
};

/** The customer's data of one event, or undefined when the event is staff-only. */
const visibleData = (e: TicketEvent): CustomerHistoryItem["data"] | undefined => {
  switch (e.type) {
    case "opened":
      return { channel: e.data.channel };
    case "accepted":
    case "customer-replied":
    case "change-approved":
      return {};
    case "prioritised":
      // P-E tells the requester of a priority change, with its cause and reason.
      return pick(e.data, "from", "to", "cause", "reason");
    case "commented":
      if (e.data.visibility !== "public") return undefined;
      return {
        author: e.data.author,
        body: e.data.body,
        attachments: e.data.attachments.map((a) => pick(a, "name", "size", "contentType", "sha256")),
      };
    case "plan-shared":
      return { plan: e.data.plan };
    case "awaiting-customer":
      return pick(e.data, "reason", "question");
    case "resolved":
      return pick(e.data, "resolution", "workaround");
    case "reopened":
      return { from: e.data.from, reason: e.data.reason };
    case "closed":
      return { by: e.data.by, reason: e.data.reason };
    case "feedback-given":
      return pick(e.data, "rating", "text");
    case "change-rejected":
      return pick(e.data, "reason");
    case "session-scheduled":
      return { start: e.data.start, length: e.data.length };
    case "policy-changed":
    case "assigned":
    case "escalation-requested":
    case "time-logged":
    case "time-corrected":
    case "sla-warning-issued":
    case "sla-breached":
    case "ola-breached":
    case "escalation-level-reached":
      return undefined;
  }
};

/** The events a customer sees, in order, each with only its customer-safe fields. */
export const customerHistory = (events: readonly TicketEvent[]): CustomerHistoryItem[] => {
  const out: CustomerHistoryItem[] = [];
  for (const e of events) {
    const data = visibleData(e);
    if (data !== undefined)
      out.push({ type: e.type, at: e.at, by: customerActor(e.actor), data } as CustomerHistoryItem);
  }
  return out;
};
