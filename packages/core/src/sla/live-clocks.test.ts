/**
 * The carried reading's law (live-clocks.ts): after every event of any history, reading a
 * ticket's clocks over its previous reading (carrying forward each clock the event left with
 * the same start, target and calendar) gives exactly what reading them afresh gives: every
 * metric's status, axis and axis position, and the nearest running deadline. Also for readings
 * taken only every few events (facts of several instants since: nothing is carried), and
 * across a change of policy.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { build, calendarName, caseArb, policyOf } from "../timers/sla-histories.test-support.js";
import { CalendarAxes } from "./calendar-axis.js";
import { type LiveClocks, readLiveClocks } from "./live-clocks.js";
import { ClockReader } from "./reader.js";
import type { MetricRecord } from "./status.js";

/** A real reader that counts the statuses it carried forward (so the law is seen to cover them). */
class CountingReader extends ClockReader {
  carried = 0;
  override statusFromCount(
    out: MetricRecord,
    policy: CompiledPolicy,
    j: number,
    now: Instant,
    elapsed: Duration,
    reachedAt: Instant,
  ): MetricRecord {
    this.carried++;
    return super.statusFromCount(out, policy, j, now, elapsed, reachedAt);
  }
}

/** What a reading says, as plain values (the axis by its calendar, compared by identity). */
const view = (c: LiveClocks | null) =>
  c === null
    ? null
    : {
        at: c.at,
        policy: c.policy,
        clockLength: c.clockLength,
        priorityCount: c.priorityCount,
        metrics: c.metrics.map((m) => (m === null ? null : { read: { ...m.rec }, axis: m.axis, from: m.from })),
        nextDeadline: c.nextDeadline,
        nextDeadlineMetric: c.nextDeadlineMetric,
      };

const historyArb = fc.tuple(caseArb, fc.option(calendarName));

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const eventsOf = ([c, cal]: History) => {
  const policy = policyOf(c.shape, 1, true, cal ?? undefined);
  const events: TicketEvent[] = [];
  build(policy, c.start, c.priority, c.moves, events);
  return { policy, events };
};

describe("live clocks: a reading carried forward equals a fresh one", () => {
  const reader = new CountingReader();

  it("after every event of any history, and when read only every few events", () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 3 }), (h, every) => {
        const { policy, events } = eventsOf(h);
        // One set of axes for both readings, so their axes are the same objects.
        const axes = new CalendarAxes();
        const fresh = new ClockReader();
        let s: TicketState = initialState;
        let last: LiveClocks | null = null;
        events.forEach((e, i) => {
          s = evolve(s, e);
          if (i % every !== 0 && i !== events.length - 1) return;
          const carried = readLiveClocks(reader, axes, s, policy, last);
          expect(view(carried)).toEqual(view(readLiveClocks(fresh, axes, s, policy)));
          last = carried;
        });
      }),
      { numRuns: 300 },
    );
    // The law covered carried readings, not only fresh ones.
    expect(reader.carried).toBeGreaterThan(100);
  });

  it("across a change of policy (the new policy's clocks are read afresh)", () => {
    fc.assert(
      fc.property(historyArb, historyArb, (a, b) => {
        const { policy, events } = eventsOf(a);
        const other = eventsOf(b).policy;
        const axes = new CalendarAxes();
        let s: TicketState = initialState;
        let last: LiveClocks | null = null;
        events.forEach((e, i) => {
          s = evolve(s, e);
          const p = i % 2 === 0 ? policy : other;
          const carried = readLiveClocks(reader, axes, s, p, last);
          expect(view(carried)).toEqual(view(readLiveClocks(new ClockReader(), axes, s, p)));
          last = carried;
        });
      }),
      { numRuns: 100 },
    );
  });
});
