/**
 * An event arbitrary covering every ticket event type in ticket/events.ts, with random but
 * well-typed payloads (for codec laws: decode(encode(e)) = e). `eventDataArbs` is keyed by
 * event type, so a new event type without an arbitrary is a type error here.
 */
import {
  currentSchemaVersion,
  type EventOf,
  eventTypes,
  type MetricName,
  type TicketEvent,
  type TicketEventType,
} from "@ticketfold/core";
import fc from "fast-check";
import { ticketFieldsArb } from "./fields.js";
import { actorArb, durationArb, instantArb, tenantIdArb, textArb, ticketIdArb } from "./primitives.js";

const opt = { noNullPrototype: true } as const;
const str = fc.string({ maxLength: 20 });
const int = fc.integer({ min: 0, max: 1000 });
export const metricArb = fc.constantFrom<MetricName>("response", "plan", "resolution", "next-reply");
const empty = fc.constant({});

type DataArbs = { [K in TicketEventType]: fc.Arbitrary<EventOf<K>["data"]> };

export const eventDataArbs: DataArbs = {
  opened: fc
    .tuple(
      ticketFieldsArb(),
      fc.record({ priority: str, priorityDefaulted: fc.boolean(), policyId: str, approvalRequired: fc.boolean() }, opt),
    )
    .map(([fields, rest]) => ({ ...fields, ...rest })),
  "policy-changed": fc.record({ from: str, to: str }, opt),
  prioritised: fc.record(
    { from: str, to: str, cause: fc.constantFrom("manual", "workaround", "customer-silence"), reason: str },
    { requiredKeys: ["from", "to", "cause"], ...opt },
  ),
  accepted: empty,
  assigned: fc.record({ assignee: fc.option(str, { nil: null }), group: str }, { requiredKeys: ["assignee"], ...opt }),
  commented: fc
    .record(
      {
        author: fc.constantFrom("customer", "agent", "system"),
        visibility: fc.constantFrom("public", "internal"),
        body: textArb,
        attachments: fc.array(
          fc.record(
            { name: str, size: int, contentType: str, sha256: str },
            { requiredKeys: ["name", "size", "contentType"], ...opt },
          ),
          { maxLength: 2 },
        ),
      },
      opt,
    )
    .map((d) => d as EventOf<"commented">["data"]),
  "plan-shared": textArb.map((plan) => ({ plan }) as EventOf<"plan-shared">["data"]),
  "awaiting-customer": fc.record(
    { reason: fc.constantFrom("more-information", "approval", "third-party"), question: str },
    { requiredKeys: ["reason"], ...opt },
  ),
  "customer-replied": empty,
  resolved: fc
    .record({ resolution: textArb, workaround: fc.boolean() }, { requiredKeys: ["resolution"], ...opt })
    .map((d) => d as EventOf<"resolved">["data"]),
  reopened: fc.record(
    {
      from: fc.constantFrom("resolved", "closed"),
      reason: fc.constantFrom("customer-comment", "customer-request", "agent"),
    },
    opt,
  ),
  closed: fc.record(
    {
      by: fc.constantFrom("agent", "customer", "system"),
      reason: fc.constantFrom(
        "confirmed",
        "auto-close-resolved",
        "auto-close-no-reply",
        "withdrawn",
        "duplicate",
        "other",
      ),
    },
    opt,
  ),
  "escalation-requested": fc.record({ level: int, reason: str }, { requiredKeys: ["level"], ...opt }),
  "feedback-given": fc.record(
    { rating: fc.constantFrom("positive", "neutral", "negative"), text: str },
    { requiredKeys: ["rating"], ...opt },
  ),
  "time-logged": fc.record(
    { minutes: int, billable: fc.boolean(), note: str },
    { requiredKeys: ["minutes", "billable"], ...opt },
  ),
  "time-corrected": fc
    .record({ entry: int, minutes: fc.integer({ min: -1440, max: 1440 }), reason: textArb })
    .map((d) => d as EventOf<"time-corrected">["data"]),
  "change-approved": fc.record({ approver: str }, opt),
  "change-rejected": fc.record({ approver: str, reason: str }, { requiredKeys: ["approver"], ...opt }),
  "session-scheduled": fc.record(
    { start: instantArb(), length: durationArb(), engineer: str },
    { requiredKeys: ["start", "length"], ...opt },
  ),
  "sla-warning-issued": fc.record({ metric: metricArb, cycle: int, warning: str, deadline: instantArb() }, opt),
  "sla-breached": fc.record({ metric: metricArb, cycle: int, deadline: instantArb() }, opt),
  "ola-breached": fc.record({ group: str, cycle: int, deadline: instantArb() }, opt),
  "escalation-level-reached": fc.record(
    { level: int, metric: metricArb, cycle: int, step: int, roles: fc.array(str, { maxLength: 3 }) },
    opt,
  ),
};

/** An event of the given type with a random envelope and payload. */
export const eventOfTypeArb = <K extends TicketEventType>(type: K): fc.Arbitrary<EventOf<K>> =>
  fc
    .record(
      { ticketId: ticketIdArb, tenantId: tenantIdArb, at: instantArb(), actor: actorArb(), data: eventDataArbs[type] },
      opt,
    )
    .map((e) => ({ type, schemaVersion: currentSchemaVersion[type], ...e }) as unknown as EventOf<K>);

/** Any ticket event, every type equally likely. */
export const eventArb: fc.Arbitrary<TicketEvent> = fc.oneof(
  ...eventTypes.map((type) => eventOfTypeArb(type) as fc.Arbitrary<TicketEvent>),
);
