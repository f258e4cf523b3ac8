/**
 * The frame of a metric's current cycle: when it started, whether and when it stopped, the
 * target in force and since when. Everything the clock walk needs, read from the ticket state
 * (docs/design/sla-semantics.md#clocks, docs/design/sla-semantics.md#re-targeting).
 *
 * - response: opened → first public agent reply (or the first of its `stopOn` events); never re-arms.
 * - plan: opened → plan shared (or the first of its `stopOn` events); never repeats.
 * - resolution: opened → resolved (or closed); on reopen resumes (cycle 0) or, with
 *   `reopen: "restart"`, starts a new cycle at the reopen with a full budget.
 * - next-reply: the latest customer-waiting cycle (first unanswered comment → agent reply).
 * Re-targeting: the target is the one for the priority in force when the clock is read (or
 * when it stopped), and so is its calendar: after a change to a target on another calendar,
 * the whole elapsed time from the original start is counted again on the new calendar (keep
 * start), never part on one calendar and part on the other. Keep start: same start; the target took effect at the change, which is when
 * a breach it causes is observed (never back-dated). Restart: each priority or policy change
 * while the clock runs starts the clock over at the change (next-reply keeps its own start).
 * Every re-target begins a new cycle: SLA records (warnings, ladder steps) are kept per cycle.
 * A run of the clock is `firstCycle` … `cycle` (same start): a keep-start re-target of a clock
 * already breached that is still late (a downgrade on silence) is no second breach; a restart,
 * a reopen with `reopen: "restart"` or a new next-reply batch is a new run.
 */

import { twentyFourSeven } from "../calendar/twentyFourSeven.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { type CalendarRef, type CompiledMetric, type CompiledPolicy, statusBit } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { ClockFacts } from "./clock-facts.js";
import { firstStop } from "./stop-events.js";

export interface MetricFrame {
  readonly cycle: number;
  /**
   * The cycle the clock's current run began in: re-targets under keep start after it are the
   * same run (same start), so one breach is recorded across `firstCycle` … `cycle`.
   */
  readonly firstCycle: number;
  readonly start: Instant;
  readonly stop: Instant | null;
  readonly priority: string;
  readonly target: Duration;
  /** The calendar the target in force counts on (docs/design/sla-semantics.md#time — chosen per target). */
  readonly calendar: BusinessCalendar;
  readonly calendarRef: CalendarRef;
  /** When the target in force took effect: a breach is observed no earlier than this. */
  readonly effectiveFrom: Instant;
}

/** A frame the status computation fills in place, so reading 100,000 tickets allocates no frames. */
export type FrameRecord = { -readonly [K in keyof MetricFrame]: MetricFrame[K] };

const NO_CALENDAR: CalendarRef = Object.freeze({ id: twentyFourSeven.id, version: twentyFourSeven.version });

export const emptyFrame = (): FrameRecord => ({
  cycle: 0,
  firstCycle: 0,
  start: 0,
  stop: null,
  priority: "",
  target: 0,
  calendar: twentyFourSeven,
  calendarRef: NO_CALENDAR,
  effectiveFrom: 0,
});

const ENDED = (statusBit.resolved as number) | (statusBit.closed as number);

/** The instant the trailing run of resolved/closed spans began, or NaN when the ticket is live. */
const resolutionStop = (facts: ClockFacts): Instant => {
  const { froms, bits } = facts;
  let stop = Number.NaN;
  for (let i = facts.spanCount - 1; i >= 0; i--) {
    if (((bits[i] as number) & ENDED) === 0) break;
    stop = froms[i] as number;
  }
  return stop;
};

/** The priority in force at `at` (the opening one before the ticket opened). */
const priorityAt = (facts: ClockFacts, at: Instant): string => {
  const ats = facts.priorityAts;
  for (let i = facts.priorityCount - 1; i > 0; i--) if ((ats[i] as number) <= at) return facts.priorities[i] as string;
  return facts.priorities[0] as string;
};

/**
 * Fills `out` with the frame of `metric` for the gathered ticket (clock-facts.ts) read at
 * `now` (+∞ reads the ticket as it stands, for timers); false (and `out` unspecified) when the
 * priority has no target or, for next-reply, no customer is waiting or has waited.
 */
export const frameOfFacts = (
  facts: ClockFacts,
  out: FrameRecord,
  cp: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): boolean => {
  let start = facts.openedAt;
  let stop: Instant;
  let cycle = 0;
  switch (metric.name) {
    case "response":
    case "plan":
      stop = firstStop(facts, metric.stopMask);
      break;
    case "resolution":
      stop = resolutionStop(facts);
      if (cp.reopen === "restart" && facts.reopenCount > 0) {
        cycle = facts.reopenCount;
        start = facts.lastReopenAt;
      }
      break;
    case "next-reply": {
      const n = facts.replyCycleCount;
      if (n === 0) return false;
      cycle = n - 1;
      start = facts.replyStart;
      stop = facts.replyEnd;
      break;
    }
  }
  const stopped = !Number.isNaN(stop);
  const end = stopped && stop < now ? stop : now;
  const priority = priorityAt(facts, end);
  const target = metric.targets.get(priority);
  if (target === undefined) return false;
  let firstCycle = cycle;
  let effectiveFrom = start;
  const restarts = cp.retarget === "restart" && metric.name !== "next-reply";
  // Every re-target since opening advances the cycle, so a cycle number is never reused and
  // each target in force gets its own warnings and breach record (a loosened target that
  // breaches again is a new breach). Restart: the clock starts over at the change. Keep start:
  // only a change of target counts, and it moves the instant a breach can be observed.
  const ats = facts.priorityAts;
  const ids = facts.priorities;
  for (let i = 1; i < facts.priorityCount; i++) {
    const at = ats[i] as number;
    if (at > end) break;
    if (restarts) {
      cycle++;
      firstCycle = cycle;
      if (at > start) start = at;
    } else if (
      ids[i - 1] !== ids[i] &&
      metric.targets.get(ids[i - 1] as string) !== metric.targets.get(ids[i] as string)
    ) {
      cycle++;
      if (at > start) effectiveFrom = at;
      else firstCycle = cycle;
    }
  }
  const pol = facts.policyAts;
  for (let i = 1; i < facts.policyCount; i++) {
    const at = pol[i] as number;
    if (at > end) break;
    cycle++;
    if (restarts || at <= start) firstCycle = cycle;
    if (restarts && at > start) start = at;
    else if (at > start && at > effectiveFrom) effectiveFrom = at;
  }
  if (restarts) effectiveFrom = start;
  out.cycle = cycle;
  out.firstCycle = firstCycle;
  out.start = start;
  out.stop = stopped ? stop : null;
  out.priority = priority;
  out.target = target.budgetFrom(start);
  out.calendar = target.calendar;
  out.calendarRef = target.calendarRef;
  out.effectiveFrom = effectiveFrom;
  return true;
};
