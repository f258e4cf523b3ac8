/**
 * The SLA part of a policy: the metric clocks (targets per priority, the calendar each target
 * counts on, the statuses that pause it, the events that stop it), how re-targeting and
 * reopening treat a running clock,
 * warnings, the escalation ladder (ladder.ts) and the time-driven rules (time-rules.ts).
 * Loadable from JSON; the whole policy decodes through `PolicyC` / `decodePolicy` (policy.ts).
 */
import * as t from "io-ts";
import { StartTimeC } from "../calendar/wallTime.js";
import { DurationC } from "../shared/duration.js";
import { withJsonSchema } from "../shared/json-schema.js";
import { strictCodec } from "../shared/known-fields.js";
import { LadderStepC } from "./ladder.js";
import { TimeRulesC } from "./time-rules.js";

export const TicketStatusC = t.keyof({
  new: null,
  open: null,
  "awaiting-customer": null,
  resolved: null,
  closed: null,
});

/** `{ percent: 75 }` of the target used, or `{ beforeDeadline: "30m" }`. */
export const WarningC = t.union([t.type({ percent: t.number }), t.type({ beforeDeadline: DurationC })]);
export type Warning = t.TypeOf<typeof WarningC>;

/**
 * What can stop a clock (docs/design/sla-semantics.md#clocks, "stops"): the first public agent reply, the
 * ticket accepted for work (`accept`: new → open), returned to the customer (first entry into
 * awaiting-customer), the resolution plan shared, or the ticket resolved or closed.
 */
export const StopEventC = t.keyof({
  "public-reply": null,
  accepted: null,
  "awaiting-customer": null,
  "plan-shared": null,
  resolved: null,
});
export type StopEvent = t.TypeOf<typeof StopEventC>;

const WithinTargetC = t.intersection([t.type({ within: DurationC }), t.partial({ calendar: t.string })]);
/**
 * Due at the close of the business day the clock starts on (GLPI's "end of working day"); a
 * clock started outside business hours, or at or after `cutoff` (local `HH:MM`), is due at
 * the close of the next business day. Counts business time on the target's calendar.
 */
const EndOfBusinessDayC = t.intersection([
  t.type({ kind: t.literal("end-of-business-day") }),
  t.partial({ calendar: t.string, cutoff: StartTimeC }),
]);
/**
 * Due at `time` (local `HH:MM`) on the first business day after the day the clock starts
 * (the core's `nextBusinessDayAt`); counts calendar time, so the instant is exact even before
 * the day's opening.
 */
const NextBusinessDayAtC = t.intersection([
  t.type({ kind: t.literal("next-business-day-at"), time: StartTimeC }),
  t.partial({ calendar: t.string }),
]);
const TargetKinds = {
  "end-of-business-day": strictCodec(EndOfBusinessDayC),
  "next-business-day-at": strictCodec(NextBusinessDayAtC),
} as const;
const anyTarget = t.union([DurationC, WithinTargetC, EndOfBusinessDayC, NextBusinessDayAtC]);
const strictWithin = strictCodec(WithinTargetC);

/**
 * A target: a duration counted on the metric's calendar (`"4h"`), or one with its own calendar
 * (`{ "within": "4h", "calendar": "24x7" }`) — "the calendar a target counts on is either a
 * business calendar or 24x7, chosen per target" (docs/design/sla-semantics.md#time) — or a
 * point in time read off the calendar when the clock starts (`{ "kind": "end-of-business-day" }`,
 * `{ "kind": "next-business-day-at", "time": "09:00" }`), which the clock turns into the
 * counted time from its start to that instant (policy/target-rule.ts).
 *
 * The forms are told apart by shape: a text is a duration, an object with `kind` is checked
 * against that kind alone (so its errors name its own fields), any other object is
 * `{ within, calendar }`.
 */
export const TargetC = withJsonSchema(
  new t.Type<t.TypeOf<typeof anyTarget>, t.OutputOf<typeof anyTarget>, unknown>(
    "Target",
    anyTarget.is,
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return DurationC.validate(u, c);
      if (!("kind" in u)) return strictWithin.validate(u, c);
      const kind = (u as { kind: unknown }).kind;
      const codec = typeof kind === "string" ? TargetKinds[kind as keyof typeof TargetKinds] : undefined;
      if (codec === undefined)
        return t.failure(
          kind,
          [...c, { key: "kind", type: t.keyof(TargetKinds), actual: kind }],
          `expected one of ${Object.keys(TargetKinds).join(", ")}`,
        );
      return codec.validate(u, c);
    },
    anyTarget.encode,
  ),
  ({ schemaOf }) => schemaOf(anyTarget),
);
export type Target = t.TypeOf<typeof TargetC>;

export const MetricPolicyC = t.intersection([
  /** Target per priority id; a priority without a target has no clock for this metric. */
  t.type({ targets: t.record(t.string, TargetC) }),
  t.partial({
    /** A key of `policy.calendars`, or "24x7" (the default): the calendar of targets without their own. */
    calendar: t.string,
    /** Any of these stops the clock (the earliest wins); defaults per the metric table. */
    stopOn: t.union([StopEventC, t.array(StopEventC)]),
    /** Statuses that pause the clock; defaults per the metric table (resolved/closed never count). */
    pauseWhile: t.array(TicketStatusC),
    /** Overrides the SLA-wide warnings for this metric. */
    warnings: t.array(WarningC),
  }),
]);
export type MetricPolicy = t.TypeOf<typeof MetricPolicyC>;

export const SlaMetricsC = t.partial({
  response: MetricPolicyC,
  plan: MetricPolicyC,
  resolution: MetricPolicyC,
  "next-reply": MetricPolicyC,
});

/**
 * An operational level agreement (docs/sla.md, "OLAs"): an internal target per support group,
 * running beside the customer's SLA (issue #13). The group's clock starts when the ticket is
 * handed to the group and stops when it is handed on to another group, or resolved or closed;
 * its targets are per priority, on the group's own calendar (team hours); it pauses while the
 * ticket waits on the customer unless `pauseWhile` says otherwise. A missed OLA is its own
 * event (`ola-breached`), never an SLA breach.
 */
export const OlaC = t.intersection([
  t.type({
    /** The support group the agreement binds (`assign` with this `group` starts the clock). */
    group: t.string,
    /** Target per priority id, in any target form; a priority without one has no OLA clock. */
    targets: t.record(t.string, TargetC),
  }),
  t.partial({
    /** A key of `policy.calendars` (the team's hours), or "24x7" (the default). */
    calendar: t.string,
    /** Statuses that pause the group's clock; default `awaiting-customer` (resolved and closed stop it). */
    pauseWhile: t.array(TicketStatusC),
  }),
]);
export type Ola = t.TypeOf<typeof OlaC>;

export const RetargetModeC = t.keyof({ "keep-start": null, restart: null });
export const ReopenModeC = t.keyof({ resume: null, restart: null });

export const SlaPolicyC = t.partial({
  metrics: SlaMetricsC,
  /** Priority or policy change: keep the original start (default) or restart the clock. */
  retarget: RetargetModeC,
  /** Reopen: the resolution clock resumes with the time used (default) or restarts. */
  reopen: ReopenModeC,
  warnings: t.array(WarningC),
  ladder: t.array(LadderStepC),
  timers: TimeRulesC,
  /** Internal targets per support group, beside the customer's clocks (policy/ola.ts). */
  olas: t.array(OlaC),
});
export type SlaPolicy = t.TypeOf<typeof SlaPolicyC>;
