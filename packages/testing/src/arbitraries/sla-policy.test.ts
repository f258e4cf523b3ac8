/**
 * `slaPolicyArb` makes whole policies the core decodes and compiles, with every SLA part in
 * play: several metrics, targets on their own calendar, pause sets, stop events, warnings,
 * ladders, both re-target and reopen modes, time-driven rules.
 */
import { compilePolicy, PolicyC } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaPolicyArb } from "./sla-policy.js";

describe("slaPolicyArb", () => {
  it("every policy compiles, and encodes to JSON that decodes back to it", () => {
    fc.assert(
      fc.property(slaPolicyArb(), (policy) => {
        const compiled = compilePolicy(policy);
        if (compiled._tag === "Left") throw new Error(compiled.left.message);
        const again = PolicyC.decode(JSON.parse(JSON.stringify(PolicyC.encode(policy))));
        expect(again._tag === "Right" && again.right).toEqual(policy);
      }),
      { numRuns: 200 },
    );
  });

  it("draws every part of an SLA", () => {
    const policies = fc.sample(slaPolicyArb(), { numRuns: 300, seed: 11 });
    const metrics = policies.flatMap((p) => Object.values(p.sla?.metrics ?? {}));
    expect(new Set(policies.flatMap((p) => Object.keys(p.sla?.metrics ?? {})))).toEqual(
      new Set(["response", "plan", "resolution", "next-reply"]),
    );
    expect(metrics.some((m) => Object.values(m?.targets ?? {}).some((t) => typeof t === "object"))).toBe(true);
    expect(metrics.some((m) => (m?.pauseWhile ?? []).length > 1)).toBe(true);
    expect(policies.some((p) => (p.sla?.ladder ?? []).length > 1)).toBe(true);
    expect(new Set(policies.map((p) => p.sla?.retarget))).toEqual(new Set(["keep-start", "restart"]));
    expect(policies.some((p) => p.sla?.timers?.downgradeOnSilence !== undefined)).toBe(true);
    expect(policies.some((p) => Object.keys(p.calendars ?? {}).length === 2)).toBe(true);
  });
});
