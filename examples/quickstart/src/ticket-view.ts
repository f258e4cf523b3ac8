/**
 * What the SLA week shows of a ticket at an instant, as read back from the store: its SLA status, escalation ladder and next wake-up are computed by the core at that `now`
 * (docs/design/sla-semantics.md#status-of-a-metric; docs/design/sla-semantics.md#escalation-ladder; docs/design/sla-semantics.md#time-driven-rules).
 */

import {
  type CompiledPolicy,
  compiledPolicyOf,
  type EscalationStatus,
  escalationStatus,
  type Instant,
  type LoadedTicket,
  nextWakeUp,
  type Policy,
  type SlaStatus,
  slaStatus,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { TicketRef } from "./desk.js";

export interface TicketView {
  readonly key: string;
  readonly ref: TicketRef;
  readonly policy: Policy;
  readonly loaded: LoadedTicket;
  readonly sla: SlaStatus;
  readonly escalation: EscalationStatus;
  readonly nextWakeUp: Instant | null;
}

/** The policy compiled once (calendars resolved); an example policy that fails is a bug here. */
export const compiled = (policy: Policy): CompiledPolicy => {
  const c = compiledPolicyOf(policy);
  if (E.isLeft(c)) throw new Error(`${policy.id}: ${c.left.message}`);
  return c.right;
};

/** The ticket as loaded, seen at `now` (pure: the clocks move with `now` alone). */
export const viewTicket = (
  key: string,
  ref: TicketRef,
  policy: Policy,
  loaded: LoadedTicket,
  now: Instant,
): TicketView => {
  const cp = compiled(policy);
  return {
    key,
    ref,
    policy,
    loaded,
    sla: slaStatus(loaded.state, cp, now),
    escalation: escalationStatus(loaded.state, cp, now),
    nextWakeUp: nextWakeUp(loaded.state, cp),
  };
};
