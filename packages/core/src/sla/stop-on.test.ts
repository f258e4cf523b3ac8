/**
 * What stops a clock is the policy's choice (`stopOn`; docs/design/sla-semantics.md#clocks, "stops"). The
 * default is the metric table: response at the first public agent reply, plan when shared,
 * resolution when resolved or closed. A list stops at the first of its events. P-E's "every
 * new request is looked at within 1 business hour" stops at acceptance or at the return for
 * information. 24x7, 1 h targets, opened Tue 2025-03-04 09:00, read at 09:50.
 */

import {
  instant as at,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  slaTestPolicy as policyFrom,
  fourPriorities as priorities,
  type StepTuple as Step,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "../policy/compile.js";
import { decodePolicy } from "../policy/policy.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { slaStatus } from "./reader.js";

const day = (hhmm: string) => `2025-03-04T${hhmm}`;
const walk = (...steps: [string, string][]): Step[] => [
  [day("09:00"), "open"],
  ...steps.map(([hhmm, what]): Step => [day(hhmm), what]),
];
const withStops = (metric: string, stopOn?: unknown) =>
  compiled({ metrics: { [metric]: { targets: { normal: "1h" }, ...(stopOn === undefined ? {} : { stopOn }) } } });

describe("stopOn: what stops a clock (docs/design/sla-semantics.md#clocks)", () => {
  it.each<[string, string, unknown, Step[], string, string | null]>([
    [
      "default: the first public reply, not the acceptance",
      "response",
      undefined,
      walk(["09:20", "accept"], ["09:40", "reply"]),
      "met",
      "09:40",
    ],
    ["default: accepting alone does not stop it", "response", undefined, walk(["09:20", "accept"]), "running", null],
    [
      "P-E: accepted for work",
      "response",
      ["accepted", "awaiting-customer"],
      walk(["09:20", "accept"]),
      "met",
      "09:20",
    ],
    [
      "P-E: returned for information",
      "response",
      ["accepted", "awaiting-customer"],
      walk(["09:30", "await"]),
      "met",
      "09:30",
    ],
    [
      "P-E: a public reply is not among its events",
      "response",
      ["accepted", "awaiting-customer"],
      walk(["09:10", "reply"]),
      "running",
      null,
    ],
    [
      "a list stops at the earliest of its events",
      "response",
      ["public-reply", "accepted"],
      walk(["09:20", "accept"], ["09:40", "reply"]),
      "met",
      "09:20",
    ],
    ["one event may be written alone", "response", "resolved", walk(["09:30", "resolve"]), "met", "09:30"],
    [
      "the customer's answer is no acceptance (awaiting → open)",
      "response",
      "accepted",
      walk(["09:10", "await"], ["09:20", "comment"]),
      "running",
      null,
    ],
    ["response stops when the plan is shared", "response", "plan-shared", walk(["09:25", "plan"]), "met", "09:25"],
    [
      "default plan: resolved without a plan, the clock waits (paused)",
      "plan",
      undefined,
      walk(["09:30", "resolve"]),
      "paused",
      null,
    ],
    [
      "plan stops at the plan or at resolution",
      "plan",
      ["plan-shared", "resolved"],
      walk(["09:30", "resolve"]),
      "met",
      "09:30",
    ],
  ])("%s", (_rule, metric, stopOn, steps, state, stoppedAt) => {
    const p = withStops(metric, stopOn);
    const s = slaStatus(history(p.policy, steps), p, at(day("09:50")))[metric as "response" | "plan"];
    expect([s?.state, iso(s?.stoppedAt)]).toEqual([state, stoppedAt === null ? null : day(stoppedAt)]);
  });

  it("a clock stopped by acceptance in time has no breach to wait for; an unaccepted one breaches at 10:00", () => {
    const p = withStops("response", ["accepted", "awaiting-customer"]);
    expect(nextWakeUp(history(p.policy, walk(["09:20", "accept"])), p)).toBeNull();
    expect(iso(nextWakeUp(history(p.policy, walk()), p))).toBe(day("10:00"));
  });

  it.each([
    ["resolution stops only when resolved or closed", "resolution", "accepted"],
    ["next-reply cycles end only at the next public reply", "next-reply", "resolved"],
    ["an empty list stops nothing", "response", []],
  ])("refuses a stop the metric cannot have: %s", (_rule, metric, stopOn) => {
    const c = compilePolicy(policyFrom({ metrics: { [metric]: { targets: { normal: "1h" }, stopOn } } }));
    expect(E.isLeft(c) && [c.left.code, c.left.path]).toEqual([
      "INVALID_SLA_POLICY",
      metric === "next-reply" ? 'sla.metrics["next-reply"].stopOn' : `sla.metrics.${metric}.stopOn`,
    ]);
  });

  it("an unknown stop event does not decode, and the error names the path", () => {
    const d = decodePolicy({
      id: "p",
      name: "p",
      priorities,
      sla: { metrics: { response: { targets: {}, stopOn: "soon" } } },
    });
    expect(E.isLeft(d) && d.left.message).toContain("sla.metrics.response.stopOn");
  });
});
