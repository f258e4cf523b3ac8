/**
 * The escalation ladder (docs/design/sla-semantics.md#escalation-ladder) with P-C's thresholds read as in
 * policies.md: 1× response and 0.5× resolution → head of support; 1× resolution → head of
 * support + account manager; 2× → account manager; 3× → CEO. 24×7, urgent: response 1 h,
 * resolution 8 h, so the steps fall at 01:00, 04:00, 08:00, 16:00 and 24:00.
 */

import {
  applyOrThrow as apply,
  instant as at,
  commandFromStep as command,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  type StepTuple as Step,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { escalationStatus } from "./level.js";

const pC = compiled({
  metrics: { response: { targets: { urgent: "1h" } }, resolution: { targets: { urgent: "8h" } } },
  ladder: [
    { metric: "response", multiple: 1, level: 1, roles: ["head-of-support"] },
    { metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] },
    { metric: "resolution", multiple: 1, level: 2, roles: ["head-of-support", "account-manager"] },
    { metric: "resolution", multiple: 2, level: 2, roles: ["account-manager"] },
    { metric: "resolution", multiple: 3, level: 3, roles: ["ceo"] },
  ],
});
const h = (hours: number) => at("2025-03-04T00:00") + hours * 3_600_000;
const opened: Step[] = [[h(0), "open", "urgent"]];

describe("escalation ladder, P-C thresholds", () => {
  it.each([
    [0.5, 0, [], 1, 1],
    [1, 1, ["head-of-support"], 2, 8],
    [4, 1, ["head-of-support"], 2, 8],
    [8, 2, ["head-of-support", "account-manager"], 3, 24],
    [16, 2, ["head-of-support", "account-manager"], 3, 24],
    [24, 3, ["ceo"], null, null],
  ])("at +%sh the level is %i, informing %j; next level %s at +%sh", (hours, level, roles, nextLevel, nextAt) => {
    const s = escalationStatus(history(pC.policy, opened), pC, h(hours));
    expect([s.level, s.roles]).toEqual([level, roles]);
    expect(s.next === null ? [null, null] : [s.next.level, s.next.at]).toEqual([
      nextLevel,
      nextAt === null ? null : h(nextAt),
    ]);
  });

  it("steps are measured on the metric's own clock: paused time does not count", () => {
    const t = history(pC.policy, [...opened, [h(2), "await"], [h(5), "comment"]]);
    const s = escalationStatus(t, pC, h(7));
    expect(s.reached.map((r) => [r.step, iso(r.at)])).toEqual([
      [0, "2025-03-04T01:00"],
      [1, "2025-03-04T07:00"],
    ]);
  });

  it("the next step's time is null while its clock is paused", () => {
    const t = history(pC.policy, [...opened, [h(2), "await"]]);
    const s = escalationStatus(t, pC, h(3));
    expect([s.level, s.next?.level, s.next?.at]).toEqual([1, 2, null]);
  });

  it("steps stop when the metric stops", () => {
    const t = history(pC.policy, [...opened, [h(0.5), "reply"], [h(6), "resolve"]]);
    const s = escalationStatus(t, pC, h(40));
    expect([s.level, s.reached.map((r) => r.step), s.next]).toEqual([1, [1], null]);
  });

  it("timers record each step once, with its level and roles, when it is reached", () => {
    let t = history(pC.policy, opened);
    const seen: [string | null, number, string[]][] = [];
    for (let wake = nextWakeUp(t, pC); wake !== null && wake <= h(30); wake = nextWakeUp(t, pC)) {
      for (const c of due(t, pC, wake)) {
        if (c.type === "record-escalation-level") seen.push([iso(wake), c.data.level, c.data.roles]);
        t = apply(t, pC.policy, c);
      }
    }
    expect(seen).toEqual([
      ["2025-03-04T01:00", 1, ["head-of-support"]],
      ["2025-03-04T04:00", 1, ["head-of-support"]],
      ["2025-03-04T08:00", 2, ["head-of-support", "account-manager"]],
      ["2025-03-04T16:00", 2, ["account-manager"]],
      ["2025-03-05T00:00", 3, ["ceo"]],
    ]);
    expect(t.escalationLevel).toBe(3);
  });
});

describe("a requester's escalation request (docs/design/sla-semantics.md#escalation-ladder)", () => {
  const request = (steps: Step[], hours: number, actor: "customer" | "agent" = "customer") => {
    const t = history(pC.policy, steps);
    const c = command(h(hours), "escalate");
    return decide(actor === "agent" ? { ...c, actor: { kind: "agent", id: "a" } } : c, t, pC.policy);
  };

  it("before the next step is reached it is refused with ESCALATION_NOT_YET_POSSIBLE and when it becomes possible", () => {
    const r = request(opened, 0.5);
    expect(E.isLeft(r) && r.left).toMatchObject({ code: "ESCALATION_NOT_YET_POSSIBLE", level: 1, possibleAt: h(1) });
    expect(E.isLeft(r) && r.left.message).toBe("escalation to level 1 becomes possible at 2025-03-04T01:00:00.000Z");
  });

  it("once the step is reached it is accepted, for the next level in turn", () => {
    const r = request(opened, 1);
    expect(E.isRight(r) && r.right.map((e) => [e.type, (e.data as { level: number }).level])).toEqual([
      ["escalation-requested", 1],
    ]);
    const second = request([...opened, [h(1), "escalate"]], 2);
    expect(E.isLeft(second) && second.left).toMatchObject({
      code: "ESCALATION_NOT_YET_POSSIBLE",
      level: 2,
      possibleAt: h(8),
    });
  });

  it("while the clocks of the next step are paused, possibleAt is null and the message says why", () => {
    const r = request([...opened, [h(1), "escalate"], [h(2), "await"]], 3);
    expect(E.isLeft(r) && [r.left.code, (r.left as { possibleAt: unknown }).possibleAt]).toEqual([
      "ESCALATION_NOT_YET_POSSIBLE",
      null,
    ]);
    expect(E.isLeft(r) && r.left.message).toContain("paused");
  });

  it("above the highest level it is refused for good", () => {
    const steps: Step[] = [...opened, [h(1), "escalate"], [h(8), "escalate"], [h(24), "escalate"]];
    const r = request(steps, 30);
    expect(E.isLeft(r) && r.left.message).toContain("no higher level");
  });

  it("an agent may escalate at any time", () => {
    expect(E.isRight(request(opened, 0.1, "agent"))).toBe(true);
  });

  it("a policy without a ladder accepts every request", () => {
    const plain = compiled({ metrics: { response: { targets: { urgent: "1h" } } } });
    const t = history(plain.policy, opened);
    expect(E.isRight(decide(command(h(0.1), "escalate"), t, plain.policy))).toBe(true);
  });
});
