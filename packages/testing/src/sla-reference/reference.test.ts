/**
 * The core's fast SLA reader agrees with the readable reference (referenceSlaStatus.ts) on
 * every metric's status, deadline and counted time: over random policies (`slaPolicyArb`:
 * metrics, pause sets, stop events, targets on their own calendar, re-target and reopen modes)
 * and random ticket lives under them (`ticketLifeArb`: decided by the core, timers run as a
 * scheduler runs them), read at random instants after the last event, and as of random
 * instants inside the history (`slaStatusAsOf` against the reference on the events up to then).
 */
import { createSlaReader, type Policy, slaStatus, slaStatusAsOf } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaPolicyArb } from "../arbitraries/sla-policy.js";
import { ticketLifeArb } from "../lives/ticket-life.js";
import { referenceSlaStatus } from "./referenceSlaStatus.js";

const UNTIL = Date.UTC(2027, 0, 1);
const MINUTE = 60_000;

const lifeArb = slaPolicyArb().chain((policy: Policy) =>
  fc.tuple(
    ticketLifeArb(policy, { until: UNTIL }),
    // Minutes after the last event: none, a few, or up to a month.
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 }), fc.integer({ min: 0, max: 30 * 24 * 60 })),
    fc.nat(1000),
  ),
);

describe("the fast SLA reader agrees with the reference evaluator", () => {
  it("on status, deadline and counted time of every metric, read after the last event", () => {
    fc.assert(
      fc.property(lifeArb, ([run, later]) => {
        const last = run.events.at(-1)?.at ?? 0;
        const now = last + later * MINUTE;
        expect(slaStatus(run.state, run.compiled, now)).toEqual(referenceSlaStatus(run.events, run.compiled, now));
      }),
      { numRuns: 150 },
    );
  });

  it("as of an instant inside the history: the reference on the events up to it", () => {
    const reader = createSlaReader();
    fc.assert(
      fc.property(lifeArb, ([run, , cut]) => {
        const first = run.events[0]?.at ?? 0;
        const last = run.events.at(-1)?.at ?? 0;
        const at = first + Math.floor(((last - first) * cut) / 1000);
        const upTo = run.events.filter((e) => e.at <= at);
        expect(reader.statusAsOf(run.state, run.compiled, at)).toEqual(referenceSlaStatus(upTo, run.compiled, at));
        expect(slaStatusAsOf(run.state, run.compiled, at)).toEqual(referenceSlaStatus(upTo, run.compiled, at));
      }),
      { numRuns: 100 },
    );
  });

  it("the reference is not vacuous: its histories reach every metric state", () => {
    const seen = new Set<string>();
    for (const [run, later, cut] of fc.sample(lifeArb, { numRuns: 120, seed: 7 })) {
      const first = run.events[0]?.at ?? 0;
      const last = run.events.at(-1)?.at ?? 0;
      const at = first + Math.floor(((last - first) * cut) / 1000);
      const readings = [
        referenceSlaStatus(run.events, run.compiled, last + later * MINUTE),
        referenceSlaStatus(
          run.events.filter((e) => e.at <= at),
          run.compiled,
          at,
        ),
      ];
      for (const r of readings) for (const s of Object.values(r)) seen.add(s.state);
    }
    for (const state of ["running", "paused", "met", "breached"]) expect(seen.has(state as never), state).toBe(true);
  });
});
