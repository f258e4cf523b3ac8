/**
 * What stops a metric's clock (semantics: Clocks, "stops"; the policy's `stopOn`): the
 * defaults of the metric table, the events each metric may stop on instead, and the instant
 * the first of them happened on a ticket.
 *
 * Response and plan never re-arm, so any first event can stop them: P-E's "every new request
 * is looked at within 1 business hour" stops at acceptance or at the return for information.
 * Resolution re-arms on reopen and stops only while the ticket is resolved or closed (frame.ts);
 * next-reply cycles end at the next public agent reply.
 */

import type { StopEvent } from "../policy/sla.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import { facts } from "./clock-facts.js";
import { statusBit, stopBit } from "./compiled.js";
import { invalidSla, type SlaPolicyError } from "./errors.js";

const DEFAULT_STOP: Readonly<Record<MetricName, readonly StopEvent[]>> = {
  response: ["public-reply"],
  plan: ["plan-shared"],
  resolution: ["resolved"],
  "next-reply": ["public-reply"],
};

const ANY_FIRST: readonly StopEvent[] = ["public-reply", "accepted", "awaiting-customer", "plan-shared", "resolved"];
const ALLOWED_STOP: Readonly<Record<MetricName, readonly StopEvent[]>> = {
  response: ANY_FIRST,
  plan: ANY_FIRST,
  resolution: ["resolved"],
  "next-reply": ["public-reply"],
};

/** The stop mask of a metric's `stopOn` (one event or a list), or the error naming `path`. */
export const compileStops = (
  metric: MetricName,
  stopOn: StopEvent | readonly StopEvent[] | undefined,
  path: string,
): number | SlaPolicyError => {
  const stops = stopOn === undefined ? DEFAULT_STOP[metric] : typeof stopOn === "string" ? [stopOn] : stopOn;
  if (stops.length === 0) return invalidSla(path, "name at least one event that stops the clock");
  let mask = 0;
  for (const stop of stops) {
    if (!ALLOWED_STOP[metric].includes(stop))
      return invalidSla(
        path,
        `the ${metric} clock cannot stop on "${stop}" (it can: ${ALLOWED_STOP[metric].join(", ")})`,
      );
    mask |= stopBit[stop];
  }
  return mask;
};

const NEW = statusBit.new as number;
const OPEN = statusBit.open as number;
const AWAITING = statusBit["awaiting-customer"] as number;
const ENDED = (statusBit.resolved as number) | (statusBit.closed as number);
const NO_STOP = Number.NaN;

/** The earlier of two instants, NaN meaning "none". */
const earlier = (a: Instant, b: Instant): Instant => (Number.isNaN(a) || b < a ? b : a);

/** Status-span events: the first acceptance (new → open), return to the customer, resolution. */
const firstSpanStop = (mask: number): Instant => {
  const { froms, bits, spanCount } = facts;
  const accepted = (mask & stopBit.accepted) !== 0;
  const awaiting = (mask & stopBit["awaiting-customer"]) !== 0;
  const resolved = (mask & stopBit.resolved) !== 0;
  for (let i = 0; i < spanCount; i++) {
    const b = bits[i] as number;
    if (
      (accepted && b === OPEN && i > 0 && bits[i - 1] === NEW) ||
      (awaiting && b === AWAITING) ||
      (resolved && (b & ENDED) !== 0)
    )
      return froms[i] as number;
  }
  return NO_STOP;
};

const SPAN_EVENTS = stopBit.accepted | stopBit["awaiting-customer"] | stopBit.resolved;

/**
 * The instant the first of the events in `mask` happened (never-re-arming clocks) on the
 * gathered ticket (clock-facts.ts); NaN when none has.
 */
export const firstStop = (mask: number): Instant => {
  let stop = NO_STOP;
  if ((mask & stopBit["public-reply"]) !== 0) stop = facts.firstReplyAt;
  if ((mask & stopBit["plan-shared"]) !== 0) stop = earlier(stop, facts.planSharedAt);
  if ((mask & SPAN_EVENTS) !== 0) stop = earlier(stop, firstSpanStop(mask));
  return stop;
};
