/**
 * The whole policy: the lifecycle part (priorities, workflow) plus the calendars it counts
 * on, its SLA (metrics, warnings, escalation ladder, time-driven rules) and its notification
 * settings. Loadable from JSON with `decodePolicy`.
 */
import * as t from "io-ts";
import { CalendarDefC } from "../calendar/codec.js";
import { decodeWith, guarded } from "../shared/decode.js";
import { PolicyCoreC } from "./lifecycle.js";
import { NotificationPolicyC } from "./notifications.js";
import { SlaPolicyC } from "./sla.js";

export const PolicyC = t.intersection([
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
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicyC);
export type Policy = t.TypeOf<typeof PolicyC>;
export type EncodedPolicy = t.OutputOf<typeof PolicyC>;

/** Decodes a policy from JSON; the error names each bad path. */
export const decodePolicy = decodeWith(PolicyC, "policy");
