/** The SLA part of a policy: decoded from JSON, compiled once, errors that name what is wrong. */

import {
  calendarDef,
  slaTestPolicy as policyFrom,
  fourPriorities as priorities,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { compiledPolicyOf, compilePolicy } from "./compile.js";
import { isSlaPolicyError } from "./errors.js";
import { decodePolicy, PolicyC } from "./policy.js";

const sla = {
  metrics: {
    response: { targets: { urgent: "1h", normal: "4h" }, calendar: "office" },
    resolution: { targets: { urgent: "8h" }, pauseWhile: ["awaiting-customer", "new"] },
  },
  retarget: "restart",
  reopen: "restart",
  warnings: [{ percent: 75 }, { beforeDeadline: "30m" }],
  ladder: [{ metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] }],
  timers: {
    autoCloseResolved: { after: "3d" },
    autoCloseAwaitingCustomer: { after: "14d" },
    downgradeOnSilence: [{ from: ["urgent"], to: "high", after: "3h" }],
  },
};
const calendars = { office: calendarDef("office", weekdays([["09:00", "17:00"]])) };

describe("SLA policy (policies.md, docs/design/sla-semantics.md)", () => {
  it("decodes from JSON with durations as text and encodes back", () => {
    const json = { id: "p", name: "p", priorities, calendars, sla };
    const decoded = decodePolicy(json);
    expect(E.isRight(decoded)).toBe(true);
    const policy = (decoded as E.Right<ReturnType<typeof policyFrom>>).right;
    expect(policy.sla?.metrics?.response?.targets.urgent).toBe(HOUR);
    expect(policy.sla?.warnings?.[1]).toEqual({ beforeDeadline: 30 * MINUTE });
    expect(PolicyC.encode(policy).sla).toEqual(sla);
  });

  it("a bad duration is refused with its path", () => {
    const decoded = decodePolicy({
      id: "p",
      name: "p",
      priorities,
      sla: { metrics: { response: { targets: { urgent: "soon" } } } },
    });
    expect(E.isLeft(decoded) && decoded.left.message).toContain("sla.metrics.response.targets.urgent");
  });

  it("compiles: names resolved to calendars once, defaults filled in", () => {
    const compiled = compilePolicy(policyFrom(sla, { calendars }));
    if (E.isLeft(compiled)) throw new Error(compiled.left.message);
    const [response, resolution] = compiled.right.metrics;
    expect(response?.calendar.id).toBe("office");
    expect(resolution?.calendar.id).toBe("24x7");
    expect(response?.warnings.map((w) => w.name)).toEqual(["75%", "30m-before"]);
    expect([compiled.right.retarget, compiled.right.reopen]).toEqual(["restart", "restart"]);
    expect(compiled.right.timers.autoCloseResolved).toBe(72 * HOUR);
  });

  it("defaults: keep start, resume on reopen, no warnings, 24x7", () => {
    const compiled = compilePolicy(policyFrom({ metrics: { plan: { targets: { normal: "2h" } } } }));
    expect(
      E.isRight(compiled) && [compiled.right.retarget, compiled.right.reopen, compiled.right.metrics[0]?.calendar.id],
    ).toEqual(["keep-start", "resume", "24x7"]);
  });

  it.each([
    [
      "an unknown calendar name",
      { metrics: { response: { targets: { urgent: "1h" }, calendar: "nope" } } },
      "UNKNOWN_CALENDAR",
      "nope",
    ],
    [
      "a target for a priority not on the scale",
      { metrics: { response: { targets: { p9: "1h" } } } },
      "INVALID_SLA_POLICY",
      "p9",
    ],
    [
      "a ladder step on a metric the policy lacks",
      { ladder: [{ metric: "plan", percent: 50, level: 1, roles: [] }] },
      "INVALID_SLA_POLICY",
      "plan",
    ],
    [
      "a downgrade to a priority not on the scale",
      { timers: { downgradeOnSilence: [{ from: ["urgent"], to: "p0", after: "3h" }] } },
      "INVALID_SLA_POLICY",
      "p0",
    ],
    [
      "a warning at 0 %",
      { metrics: { plan: { targets: { normal: "1h" } } }, warnings: [{ percent: 0 }] },
      "INVALID_SLA_POLICY",
      "percent",
    ],
  ])("refuses %s, naming it", (_what, bad, code, named) => {
    const compiled = compilePolicy(policyFrom(bad));
    expect(E.isLeft(compiled)).toBe(true);
    if (E.isRight(compiled)) return;
    expect(isSlaPolicyError(compiled.left)).toBe(true);
    expect(compiled.left.code).toBe(code);
    expect(compiled.left.message).toContain(named);
  });

  it("compiledPolicyOf compiles each policy value once", () => {
    const policy = policyFrom(sla, { calendars });
    expect(compiledPolicyOf(policy)).toBe(compiledPolicyOf(policy));
  });
});
