/**
 * The whole policy: the lifecycle part (priorities, workflow) plus the calendars it counts
 * on, its SLA (metrics, warnings, escalation ladder, time-driven rules) and its notification
 * settings. Loadable from JSON with `loadPolicy` (load.ts: decoded strictly, every reference
 * checked, compiled) or `decodePolicy` (the shape only).
 */
import * as t from "io-ts";
import { CalendarDefC } from "../calendar/codec.js";
import { decodeWith, guarded } from "../shared/decode.js";
import { strictCodec } from "../shared/known-fields.js";
import { PolicyCoreC } from "./lifecycle.js";
import { NotificationPolicyC } from "./notifications.js";
import { SlaPolicyC } from "./sla.js";

const PolicyShapeC = t.intersection([
  PolicyCoreC,
  t.partial({
    /**
     * The JSON Schema an editor checks this file against (`@ticketfold/core/policy.schema.json`);
     * the engine ignores it.
     */
    $schema: t.string,
    /** Named business calendars; metrics refer to them by name (or use "24x7"). */
    calendars: t.record(t.string, CalendarDefC),
    sla: SlaPolicyC,
    notifications: NotificationPolicyC,
  }),
]);
export type Policy = t.TypeOf<typeof PolicyShapeC>;
export type EncodedPolicy = t.OutputOf<typeof PolicyShapeC>;

/**
 * The policy codec. Strict: a field the policy does not define, at any depth (`retaget`,
 * `sla.timer`, `sla.metrics.reponse`, `pauseWile`), is an error naming its path, never
 * ignored (shared/known-fields.ts).
 */
export const PolicyC: t.Type<Policy, EncodedPolicy, unknown> = strictCodec(PolicyShapeC);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicyC);

/**
 * Decodes a policy from JSON; the error names each bad path. Checks the shape only: which
 * calendar names and priorities the parts refer to is `loadPolicy`'s (load.ts).
 */
export const decodePolicy = decodeWith(PolicyC, "policy");
