/**
 * When a metric's clock stopped (docs/design/sla-semantics.md#clocks, "stops"): the instant the first of the
 * events in its stop mask (compiled from the policy's `stopOn`, policy/stop-on.ts) happened on
 * the gathered ticket.
 */

import { statusBit, stopBit } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import type { ClockFacts } from "./clock-facts.js";

const NEW = statusBit.new as number;
const OPEN = statusBit.open as number;
const AWAITING = statusBit["awaiting-customer"] as number;
const ENDED = (statusBit.resolved as number) | (statusBit.closed as number);
const NO_STOP = Number.NaN;

/** The earlier of two instants, NaN meaning "none". */
const earlier = (a: Instant, b: Instant): Instant => (Number.isNaN(a) || b < a ? b : a);

/** Status-span events: the first acceptance (new → open), return to the customer, resolution. */
const firstSpanStop = (facts: ClockFacts, mask: number): Instant => {
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
export const firstStop = (facts: ClockFacts, mask: number): Instant => {
  let stop = NO_STOP;
  if ((mask & stopBit["public-reply"]) !== 0) stop = facts.firstReplyAt;
  if ((mask & stopBit["plan-shared"]) !== 0) stop = earlier(stop, facts.planSharedAt);
  if ((mask & SPAN_EVENTS) !== 0) stop = earlier(stop, firstSpanStop(facts, mask));
  return stop;
};
