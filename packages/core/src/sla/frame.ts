/**
 * The frame of a metric's current cycle: when it started, whether and when it stopped, the
 * target in force and since when. Everything the clock walk needs, read from the ticket state
 * (semantics: Clocks, Re-targeting).
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
 * Every re-target begins a new cycle: SLA records (warnings, breach) are kept per cycle.
 */

import { twentyFourSeven } from "../calendar/twentyFourSeven.js";
import type { BusinessCalendar } from "../calendar/types.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "../ticket/state.js";
import type { CalendarRef, CompiledMetric, CompiledPolicy } from "./compiled.js";
import { firstStop } from "./stop-events.js";

export interface MetricFrame {
  readonly cycle: number;
  readonly start: Instant;
  readonly stop: Instant | null;
  readonly priority: string;
  readonly target: Duration;
  /** The calendar the target in force counts on (semantics: Time — chosen per target). */
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
  start: 0,
  stop: null,
  priority: "",
  target: 0,
  calendar: twentyFourSeven,
  calendarRef: NO_CALENDAR,
  effectiveFrom: 0,
});

/** The instant the trailing run of resolved/closed spans began, or null when the ticket is live. */
const resolutionStop = (t: TicketState): Instant | null => {
  const spans = t.statusHistory;
  let stop: Instant | null = null;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (s.status !== "resolved" && s.status !== "closed") break;
    stop = s.from;
  }
  return stop;
};

const priorityAt = (t: TicketState, at: Instant): string => {
  // Read at or after the last event (the usual case): the priority in force now, without
  // touching the history (the hot path reads 100,000 tickets; each touch is a cache miss).
  if (t.priority !== null && t.lastEventAt !== null && t.lastEventAt <= at) return t.priority;
  const h = t.priorityHistory;
  for (let i = h.length - 1; i >= 0; i--) if (h[i]!.at <= at) return h[i]!.priority;
  return t.priority ?? "";
};

/**
 * Fills `out` with the frame of `metric` for a ticket read at `now` (+∞ reads the ticket as it
 * stands, for timers); false (and `out` unspecified) when the clock has not started or the
 * priority has no target.
 */
export const frameInto = (
  out: FrameRecord,
  t: TicketState,
  cp: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): boolean => {
  if (t.openedAt === null) return false;
  let start = t.openedAt;
  let stop: Instant | null;
  let cycle = 0;
  switch (metric.name) {
    case "response":
    case "plan":
      stop = firstStop(t, metric.stopMask);
      break;
    case "resolution":
      stop = resolutionStop(t);
      if (cp.reopen === "restart" && t.reopenedAt.length > 0) {
        cycle = t.reopenedAt.length;
        start = t.reopenedAt[cycle - 1]!;
      }
      break;
    case "next-reply": {
      const n = t.replyCycles.length;
      if (n === 0) return false;
      const last = t.replyCycles[n - 1]!;
      cycle = n - 1;
      start = last.start;
      stop = last.end;
      break;
    }
  }
  const end = stop !== null && stop < now ? stop : now;
  const priority = priorityAt(t, end);
  const target = metric.targets.get(priority);
  if (target === undefined) return false;
  let effectiveFrom = start;
  const restarts = cp.retarget === "restart" && metric.name !== "next-reply";
  // Every re-target since opening advances the cycle, so a cycle number is never reused and
  // each target in force gets its own warnings and breach record (a loosened target that
  // breaches again is a new breach). Restart: the clock starts over at the change. Keep start:
  // only a change of target counts, and it moves the instant a breach can be observed.
  const ph = t.priorityHistory;
  for (let i = 1; i < ph.length; i++) {
    const c = ph[i]!;
    if (c.at > end) break;
    if (restarts) {
      cycle++;
      if (c.at > start) start = c.at;
    } else if (
      ph[i - 1]!.priority !== c.priority &&
      metric.targets.get(ph[i - 1]!.priority) !== metric.targets.get(c.priority)
    ) {
      cycle++;
      if (c.at > start) effectiveFrom = c.at;
    }
  }
  const pol = t.policyHistory;
  for (let i = 1; i < pol.length; i++) {
    const c = pol[i]!;
    if (c.at > end) break;
    cycle++;
    if (restarts && c.at > start) start = c.at;
    else if (c.at > start && c.at > effectiveFrom) effectiveFrom = c.at;
  }
  if (restarts) effectiveFrom = start;
  out.cycle = cycle;
  out.start = start;
  out.stop = stop;
  out.priority = priority;
  out.target = target.within;
  out.calendar = target.calendar;
  out.calendarRef = target.calendarRef;
  out.effectiveFrom = effectiveFrom;
  return true;
};

/** The frame of `metric` at `now` as a new value; null when the clock has no frame. */
export const metricFrame = (
  t: TicketState,
  cp: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricFrame | null => {
  const out = emptyFrame();
  return frameInto(out, t, cp, metric, now) ? out : null;
};
