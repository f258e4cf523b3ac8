/**
 * The live SLA index's law: after any sequence of events over several tickets, and at any
 * `now` at or after a ticket's last event, the statuses the index derives equal `slaStatus`
 * read from scratch; and its deadline queries ("the n nearest", "due by T") equal sorting every
 * ticket's nearest running deadline (as the work queue defines it) by brute force.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../policy/compiled.js";
import { MINUTE } from "../shared/duration.js";
import { type ClockReading, clockReading, liveMetricStatusAt, readingCalendar } from "../sla/live-clocks.js";
import { slaStatus } from "../sla/reader.js";
import type { MetricStatus } from "../sla/status.js";
import type { TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { build, calendarName, type caseArb, caseArb as cases, policyOf } from "../timers/sla-histories.test-support.js";
import { createSlaIndex, type SlaDeadline } from "./sla-index.js";
import { workQueueEntry } from "./work-queue-entry.js";

type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

interface Life {
  readonly key: string;
  readonly policy: CompiledPolicy;
  readonly events: readonly TicketEvent[];
}

const lifeOf = (c: Case, i: number, urgentCalendar: string | null): Life => {
  const policy = policyOf(c.shape, 1, true, urgentCalendar ?? undefined);
  const events: TicketEvent[] = [];
  build(policy, c.start, c.priority, c.moves, events);
  return { key: `ticket-${i}`, policy, events };
};

/** Each ticket's nearest running deadline read from scratch, as the work queue reads it. */
const bruteDeadline = (key: string, s: TicketState, p: CompiledPolicy): SlaDeadline | null => {
  let best: SlaDeadline | null = null;
  for (const m of Object.values(slaStatus(s, p, s.lastEventAt ?? 0)))
    if (m.clock === "running" && Number.isFinite(m.deadline) && (best === null || m.deadline < best.deadline))
      best = { key, deadline: m.deadline, metric: m.metric };
  return best;
};
const order = (a: SlaDeadline, b: SlaDeadline): number =>
  a.deadline - b.deadline || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const livesArb = fc.array(fc.tuple(cases, fc.option(calendarName)), { minLength: 1, maxLength: 5 });
/** Events of all tickets interleaved: each pick takes the next event of one ticket. */
const picksArb = fc.array(fc.nat(), { maxLength: 80 });
const latersArb = fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 4 });

describe("live SLA index (properties)", () => {
  it("after any events, its statuses at any later now equal slaStatus read from scratch", () => {
    fc.assert(
      fc.property(livesArb, picksArb, latersArb, (raw, picks, laters) => {
        const lives = raw.map(([c, cal], i) => lifeOf(c, i, cal));
        const index = createSlaIndex();
        const states = lives.map(() => initialState);
        const next = lives.map(() => 0);
        const step = (i: number) => {
          const life = lives[i] as Life;
          const e = life.events[next[i] as number];
          if (e === undefined) return;
          next[i] = (next[i] as number) + 1;
          const s = evolve(states[i] as TicketState, e);
          states[i] = s;
          index.track(life.key, s, life.policy);
          for (const later of laters) {
            const now = (s.lastEventAt ?? 0) + later * MINUTE;
            expect(index.status(life.key, now)).toEqual(slaStatus(s, life.policy, now));
          }
        };
        for (const p of picks) step(p % lives.length);
        // Then every remaining event, ticket by ticket.
        lives.forEach((life, i) => {
          while ((next[i] as number) < life.events.length) step(i);
        });
        // A whole pass gives each ticket's statuses, as a lookup by key does.
        const now = Math.max(...states.map((s) => s.lastEventAt ?? 0)) + (laters[0] as number) * MINUTE;
        const seen = new Map<string, unknown>();
        index.forEachStatus(now, (key, status) => seen.set(key, status));
        expect(seen.size).toBe(index.size);
        for (const [key, status] of seen) expect(status).toEqual(index.status(key, now));
      }),
      { numRuns: 120 },
    );
  });

  it("its nearest deadlines and those due by T are every ticket's, sorted; the work queue's columns agree", () => {
    fc.assert(
      fc.property(livesArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: -5000, max: 30_000 }), (raw, n, t) => {
        const lives = raw.map(([c, cal], i) => lifeOf(c, i, cal));
        const index = createSlaIndex();
        const all: SlaDeadline[] = [];
        let latest = 0;
        for (const life of lives) {
          let s = initialState;
          for (const e of life.events) {
            s = evolve(s, e);
            index.track(life.key, s, life.policy);
          }
          latest = Math.max(latest, s.lastEventAt ?? 0);
          const brute = bruteDeadline(life.key, s, life.policy);
          if (brute !== null) all.push(brute);
          expect(index.nextDeadline(life.key) ?? null).toEqual(brute);
          const entry = workQueueEntry(s, life.policy);
          const fromIndex = workQueueEntry(s, life.policy, index.status(life.key, s.lastEventAt ?? 0));
          expect(fromIndex).toEqual(entry);
        }
        all.sort(order);
        expect(index.nearest(n)).toEqual(all.slice(0, n));
        const due = latest + t * MINUTE;
        expect(index.dueBy(due)).toEqual(all.filter((d) => d.deadline <= due));
        // Untracking takes a ticket out of every answer.
        const gone = (lives[0] as Life).key;
        index.untrack(gone);
        expect(index.status(gone, latest)).toBeUndefined();
        expect(index.nearest(all.length)).toEqual(all.filter((d) => d.key !== gone));
      }),
      { numRuns: 120 },
    );
  });

  it("a reading kept as data, re-taken only when the clock log grows, derives slaStatus at any later now", () => {
    fc.assert(
      fc.property(livesArb, latersArb, (raw, laters) => {
        for (const [i, [c, cal]] of raw.entries()) {
          const life = lifeOf(c, i, cal);
          let s = initialState;
          let kept: ClockReading | null = null;
          for (const e of life.events) {
            s = evolve(s, e);
            const fresh = clockReading(s, life.policy);
            if (fresh === null) {
              kept = null;
              continue;
            }
            // The same check as `clocksCurrent`: a reading is taken again only when a clock fact was added.
            if (kept === null || kept.clockLength !== fresh.clockLength || kept.priorityCount !== fresh.priorityCount)
              kept = fresh;
            expect(kept.nextDeadline).toEqual(fresh.nextDeadline);
            // Stored as JSON (a deadline that never comes is written apart: JSON has no Infinity).
            const stored = JSON.parse(
              JSON.stringify(kept.metrics, (_k, v) => (v === Infinity ? "Infinity" : v)),
              (_k, v) => (v === "Infinity" ? Infinity : v),
            ) as MetricStatus[];
            for (const later of laters) {
              const now = (s.lastEventAt ?? 0) + later * MINUTE;
              const derived: Record<string, MetricStatus> = {};
              for (const read of stored) {
                const calendar = readingCalendar(life.policy, read);
                if (calendar === undefined) throw new Error(`no calendar for ${read.metric}`);
                derived[read.metric] = liveMetricStatusAt(read, calendar, kept.at, now);
              }
              expect(derived).toEqual(slaStatus(s, life.policy, now));
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
