/**
 * Ticket commands: what a person or the system asks of a ticket. Codecs are the single source
 * of their shapes. Every command names the ticket, the tenant, the instant (`at`, the
 * caller's `now`) and the actor, and may carry a command id and a correlation id.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { DurationC } from "../shared/duration.js";
import { CommandIdC, NonEmptyTextC, TenantIdC, TicketIdC } from "../shared/ids.js";
import { InstantC } from "../shared/instant.js";
import { withJsonSchema } from "../shared/json-schema.js";
import { ActorC, AwaitReasonC, CloseReasonC, MetricNameC, PriorityCauseC, RatingC } from "./events.js";
import { AttachmentC, TicketFieldsC } from "./fields.js";

/**
 * A payload with no required field may be left out: an absent `data` decodes as `{}` (accept,
 * close, reopen, approve-change, …). `null` is not absent and is still refused.
 */
const omittable = <D extends t.Mixed>(data: D): D =>
  E.isRight(data.decode({}))
    ? // Its JSON Schema is the payload's; the property is optional as the codec takes `undefined`.
      withJsonSchema(
        new t.Type(data.name, data.is, (u, c) => data.validate(u === undefined ? {} : u, c), data.encode) as D,
        ({ schemaOf }) => schemaOf(data),
      )
    : data;

/**
 * The envelope: ticket, tenant, instant, actor and payload; optionally the caller's command id
 * (the idempotency key: a command handled again under the same id records nothing new) and a
 * correlation id (the request or conversation the command belongs to; defaults to the command id).
 */
const command = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.intersection(
    [
      t.type({
        type: t.literal(type),
        ticketId: TicketIdC,
        tenantId: TenantIdC,
        at: InstantC,
        actor: ActorC,
        data: omittable(data),
      }),
      t.partial({ commandId: CommandIdC, correlationId: CommandIdC }),
    ],
    type,
  );

const none = t.type({});

/** A count (SLA cycle, escalation level or step): a whole number from 0 to 2^31 - 1. */
const CountC = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 0 && n <= 2_147_483_647,
  "a whole number from 0 to 2147483647",
);

export const commandCodecs = {
  open: command(
    "open",
    t.intersection([
      TicketFieldsC,
      // Lenient on purpose: a missing or malformed priority becomes the policy's default (P-C).
      t.partial({ priority: t.unknown }),
    ]),
  ),
  /**
   * Judge the ticket under another policy, or another version of its policy (`version`;
   * absent: the version the resolver holds now). The policy's `sla.retarget` says whether the
   * clocks keep their start or restart.
   */
  "change-policy": command(
    "change-policy",
    t.intersection([t.type({ policyId: t.string }), t.partial({ version: t.number })]),
  ),
  "change-priority": command(
    "change-priority",
    t.intersection([t.type({ priority: t.string }), t.partial({ cause: PriorityCauseC, reason: t.string })]),
  ),
  accept: command("accept", none),
  assign: command(
    "assign",
    t.intersection([t.type({ assignee: t.union([t.string, t.null]) }), t.partial({ group: t.string })]),
  ),
  comment: command(
    "comment",
    t.intersection([
      t.type({ body: NonEmptyTextC }),
      t.partial({ visibility: t.keyof({ public: null, internal: null }), attachments: t.array(AttachmentC) }),
    ]),
  ),
  "share-plan": command("share-plan", t.type({ plan: NonEmptyTextC })),
  "await-customer": command(
    "await-customer",
    t.intersection([t.type({ reason: AwaitReasonC }), t.partial({ question: t.string })]),
  ),
  resolve: command(
    "resolve",
    t.intersection([t.type({ resolution: NonEmptyTextC }), t.partial({ workaround: t.boolean })]),
  ),
  reopen: command("reopen", t.partial({ reason: t.string })),
  close: command("close", t.partial({ reason: CloseReasonC })),
  "request-escalation": command("request-escalation", t.partial({ reason: t.string })),
  "give-feedback": command(
    "give-feedback",
    t.intersection([t.type({ rating: RatingC }), t.partial({ text: t.string })]),
  ),
  "log-time": command(
    "log-time",
    t.intersection([
      t.type({ minutes: t.number }),
      // Out-of-plan work (projects) is billable whatever the category (P-B).
      t.partial({ outOfPlan: t.boolean, note: t.string }),
    ]),
  ),
  /**
   * Corrects a logged time entry (`entry`: the stream version of its `time-logged` event) by
   * `minutes` (signed, e.g. −30); without `minutes` the entry is reversed whole. A reason is required.
   */
  "correct-time": command(
    "correct-time",
    t.intersection([t.type({ entry: CountC, reason: NonEmptyTextC }), t.partial({ minutes: t.number })]),
  ),
  "approve-change": command("approve-change", none),
  "reject-change": command("reject-change", t.partial({ reason: t.string })),
  /**
   * Books a working session of `length` from `start`, with `engineer` (a staff id; absent: the
   * ticket's assignee, or no one when it has none). A named engineer's sessions on the tenant's
   * other tickets may not overlap it (decide/session.ts).
   */
  "schedule-session": command(
    "schedule-session",
    t.intersection([t.type({ start: InstantC, length: DurationC }), t.partial({ engineer: NonEmptyTextC })]),
  ),
  "record-sla-warning": command(
    "record-sla-warning",
    t.type({ metric: MetricNameC, cycle: CountC, warning: t.string, deadline: InstantC }),
  ),
  "record-sla-breach": command("record-sla-breach", t.type({ metric: MetricNameC, cycle: CountC, deadline: InstantC })),
  "record-ola-breach": command("record-ola-breach", t.type({ group: t.string, cycle: CountC, deadline: InstantC })),
  "record-escalation-level": command(
    "record-escalation-level",
    t.intersection([
      t.type({ level: CountC, metric: MetricNameC, cycle: CountC, step: CountC, roles: t.array(t.string) }),
      /**
       * The cycle the metric's current run began in (the timers know it; default `cycle`): a step
       * recorded in an earlier cycle of the same run has acted already and does not act again.
       */
      t.partial({ runFrom: CountC }),
    ]),
  ),
} as const;

// Each `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
for (const codec of Object.values(commandCodecs)) guarded(codec);

export type CommandCodecs = typeof commandCodecs;
export type TicketCommandType = keyof CommandCodecs;
export type TicketCommand = { [K in TicketCommandType]: t.TypeOf<CommandCodecs[K]> }[TicketCommandType];
export type CommandOf<K extends TicketCommandType> = t.TypeOf<CommandCodecs[K]>;
export type EncodedTicketCommand = { [K in TicketCommandType]: t.OutputOf<CommandCodecs[K]> }[TicketCommandType];
export const commandTypes = Object.keys(commandCodecs) as TicketCommandType[];
