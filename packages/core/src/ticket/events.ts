/**
 * Ticket events. These codecs are the single source of every event shape: the static types
 * derive from them. Every event carries its type, schema version, ticket id, tenant, instant
 * and actor; the payload is under `data`.
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { DurationC } from "../shared/duration.js";
import { NonEmptyTextC, TenantIdC, TicketIdC } from "../shared/ids.js";
import { InstantC } from "../shared/instant.js";
import { AttachmentC, TicketFieldsC } from "./fields.js";

export const ActorC = t.intersection([
  t.type({ kind: t.keyof({ requester: null, agent: null, system: null }), id: t.string }),
  /**
   * `organisation`: the customer organisation a requester belongs to, as the app's sign-in
   * says; authorisation compares it with the ticket's (decide/permissions.ts).
   */
  t.partial({ name: t.string, organisation: t.string }),
]);
export type Actor = t.TypeOf<typeof ActorC>;

const envelope = <T extends string, V extends number, D extends t.Mixed>(type: T, version: V, data: D) =>
  t.type(
    {
      type: t.literal(type),
      schemaVersion: t.literal(version),
      ticketId: TicketIdC,
      tenantId: TenantIdC,
      at: InstantC,
      actor: ActorC,
      data,
    },
    type,
  );

const none = t.type({});

/** Why the desk waits: more information, an approval (P-B), a third party, or a session the customer books (P-A, P-B). */
export const AwaitReasonC = t.keyof({
  "more-information": null,
  approval: null,
  "third-party": null,
  "book-session": null,
});
export const CloseReasonC = t.keyof({
  confirmed: null,
  "auto-close-resolved": null,
  "auto-close-no-reply": null,
  withdrawn: null,
  duplicate: null,
  other: null,
});
export const PriorityCauseC = t.keyof({
  manual: null,
  workaround: null,
  "customer-silence": null,
  /** Raised by an escalation ladder step that acts (`raisePriority`). */
  escalation: null,
});
export const RatingC = t.keyof({ positive: null, neutral: null, negative: null });
export const MetricNameC = t.keyof({ response: null, plan: null, resolution: null, "next-reply": null });
export type MetricName = t.TypeOf<typeof MetricNameC>;

export const eventCodecs = {
  opened: envelope(
    "opened",
    1,
    t.intersection([
      TicketFieldsC,
      t.type({
        priority: t.string,
        priorityDefaulted: t.boolean,
        policyId: t.string,
        // Decided at opening from the policy, so the fold never needs the policy.
        approvalRequired: t.boolean,
      }),
      /**
       * The version of the policy the ticket is judged under (pinned: an edit of the policy
       * never re-judges it). Absent on events written before versions were recorded.
       */
      t.partial({ policyVersion: t.number }),
    ]),
  ),
  /** The ticket is judged under another policy, or another version of its policy, from now on. */
  "policy-changed": envelope(
    "policy-changed",
    1,
    t.intersection([
      t.type({ from: t.string, to: t.string }),
      t.partial({ fromVersion: t.number, toVersion: t.number }),
    ]),
  ),
  prioritised: envelope(
    "prioritised",
    1,
    t.intersection([t.type({ from: t.string, to: t.string, cause: PriorityCauseC }), t.partial({ reason: t.string })]),
  ),
  accepted: envelope("accepted", 1, none),
  assigned: envelope(
    "assigned",
    1,
    t.intersection([t.type({ assignee: t.union([t.string, t.null]) }), t.partial({ group: t.string })]),
  ),
  commented: envelope(
    "commented",
    2,
    t.type({
      author: t.keyof({ customer: null, agent: null, system: null }),
      visibility: t.keyof({ public: null, internal: null }),
      body: NonEmptyTextC,
      attachments: t.array(AttachmentC),
    }),
  ),
  "plan-shared": envelope("plan-shared", 1, t.type({ plan: NonEmptyTextC })),
  "awaiting-customer": envelope(
    "awaiting-customer",
    1,
    t.intersection([t.type({ reason: AwaitReasonC }), t.partial({ question: t.string })]),
  ),
  "customer-replied": envelope("customer-replied", 1, none),
  resolved: envelope(
    "resolved",
    1,
    t.intersection([t.type({ resolution: NonEmptyTextC }), t.partial({ workaround: t.boolean })]),
  ),
  reopened: envelope(
    "reopened",
    1,
    t.type({
      from: t.keyof({ resolved: null, closed: null }),
      reason: t.keyof({ "customer-comment": null, "customer-request": null, agent: null }),
    }),
  ),
  closed: envelope(
    "closed",
    1,
    t.type({ by: t.keyof({ agent: null, customer: null, system: null }), reason: CloseReasonC }),
  ),
  "escalation-requested": envelope(
    "escalation-requested",
    1,
    t.intersection([t.type({ level: t.number }), t.partial({ reason: t.string })]),
  ),
  "feedback-given": envelope(
    "feedback-given",
    1,
    t.intersection([t.type({ rating: RatingC }), t.partial({ text: t.string })]),
  ),
  "time-logged": envelope(
    "time-logged",
    1,
    t.intersection([t.type({ minutes: t.number, billable: t.boolean }), t.partial({ note: t.string })]),
  ),
  /**
   * A correction of a logged time entry: `entry` is the stream version of its `time-logged`
   * event, `minutes` the signed change (−30 takes 30 minutes off; a reversal takes off all the
   * entry still has). The entry keeps its month, agent and billability (docs/reports.md).
   */
  "time-corrected": envelope(
    "time-corrected",
    1,
    t.type({ entry: t.number, minutes: t.number, reason: NonEmptyTextC }),
  ),
  "change-approved": envelope("change-approved", 1, t.type({ approver: t.string })),
  "change-rejected": envelope(
    "change-rejected",
    1,
    t.intersection([t.type({ approver: t.string }), t.partial({ reason: t.string })]),
  ),
  /** `engineer`: who works the session (the command's, else the assignee's at booking); absent: no one named. */
  "session-scheduled": envelope(
    "session-scheduled",
    1,
    t.intersection([t.type({ start: InstantC, length: DurationC }), t.partial({ engineer: t.string })]),
  ),
  "sla-warning-issued": envelope(
    "sla-warning-issued",
    1,
    t.type({ metric: MetricNameC, cycle: t.number, warning: t.string, deadline: InstantC }),
  ),
  "sla-breached": envelope("sla-breached", 1, t.type({ metric: MetricNameC, cycle: t.number, deadline: InstantC })),
  /** A group missed its OLA (policy `sla.olas`): internal, never an SLA breach. `cycle`: the group's n-th hand-over. */
  "ola-breached": envelope("ola-breached", 1, t.type({ group: t.string, cycle: t.number, deadline: InstantC })),
  /** v2 names the cycle of its metric the step was reached in (v1, keyed with cycle 0, upcasts to cycle 0). */
  "escalation-level-reached": envelope(
    "escalation-level-reached",
    2,
    t.type({ level: t.number, metric: MetricNameC, cycle: t.number, step: t.number, roles: t.array(t.string) }),
  ),
} as const;

// Each `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
for (const codec of Object.values(eventCodecs)) guarded(codec);

export type EventCodecs = typeof eventCodecs;
export type TicketEventType = keyof EventCodecs;
export type TicketEvent = { [K in TicketEventType]: t.TypeOf<EventCodecs[K]> }[TicketEventType];
export type EventOf<K extends TicketEventType> = t.TypeOf<EventCodecs[K]>;
/** The JSON form of an event, as written to a store. */
export type EncodedTicketEvent = { [K in TicketEventType]: t.OutputOf<EventCodecs[K]> }[TicketEventType];

export const eventTypes = Object.keys(eventCodecs) as TicketEventType[];

/** The current schema version of each event type. */
export const currentSchemaVersion = Object.fromEntries(
  eventTypes.map((k) => [k, eventCodecs[k].props.schemaVersion.value]),
) as { [K in TicketEventType]: EventCodecs[K]["props"]["schemaVersion"]["value"] };
