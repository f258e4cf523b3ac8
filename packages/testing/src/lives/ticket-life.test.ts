/**
 * Ticket lives are what the engine makes of realistic plans: every one opens, most move on,
 * the timers record what time makes due, and their timing mixes minutes, hours and days.
 */
import { DAY, HOUR } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaPolicyArb } from "../arbitraries/sla-policy.js";
import { lifePlanArb } from "./plan.js";
import { ticketLifeArb } from "./ticket-life.js";

const policy = fc.sample(slaPolicyArb(), { numRuns: 1, seed: 4 })[0];
if (policy === undefined) throw new Error("no policy sampled");

describe("ticket lives", () => {
  it("every life opens its ticket, under the policy, and nothing the timers applied was refused", () => {
    fc.assert(
      fc.property(ticketLifeArb(policy, { until: Date.UTC(2027, 0, 1) }), (run) => {
        expect(run.events[0]?.type).toBe("opened");
        expect(run.state.policyId).toBe(policy.id);
        expect(run.entries.filter((e) => e.by === "timers" && e.error !== null)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it("plans mix minutes, hours and days between moves, and print as a timeline", () => {
    const plans = fc.sample(lifePlanArb(policy), { numRuns: 200, seed: 8 });
    const gaps = plans.flatMap((p) => p.moves.map(([gap]) => gap));
    expect(gaps.some((g) => g < HOUR)).toBe(true);
    expect(gaps.some((g) => g >= HOUR && g < DAY)).toBe(true);
    expect(gaps.some((g) => g >= 3 * DAY)).toBe(true);
    expect(fc.stringify(plans[0])).toMatch(/^LifePlan\(random-desk\):\n {2}open at \w{3} \d{4}-\d\d-\d\d/);
  });

  it("the timers record what time makes due in many lives", () => {
    const runs = fc.sample(ticketLifeArb(policy, { until: Date.UTC(2027, 0, 1) }), { numRuns: 40, seed: 2 });
    expect(runs.filter((r) => r.entries.some((e) => e.by === "timers" && e.events.length > 0)).length).toBeGreaterThan(
      10,
    );
  });
});
