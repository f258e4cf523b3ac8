/**
 * What may stop a metric's clock (docs/design/sla-semantics.md#clocks, "stops"; the policy's `stopOn`): the
 * defaults of the metric table and the events each metric may stop on instead, compiled to a
 * stop mask (the bits of `stopBit`).
 *
 * Response and plan never re-arm, so any first event can stop them: P-E's "every new request
 * is looked at within 1 business hour" stops at acceptance or at the return for information.
 * Resolution re-arms on reopen and stops only while the ticket is resolved or closed
 * (sla/frame.ts); next-reply cycles end at the next public agent reply.
 */
import type { MetricName } from "../ticket/events.js";
import { stopBit } from "./compiled.js";
import { invalidSla, type SlaPolicyError } from "./errors.js";
import type { StopEvent } from "./sla.js";

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
