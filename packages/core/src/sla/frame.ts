/**
 * The frame of a metric's current cycle: when it started, whether and when it stopped, the
 * target in force and since when. Everything the clock walk needs, read from the ticket state
 * (semantics: Clocks, Re-targeting).
 *
 * - response: opened → first public agent reply; never re-arms.
 * - plan: opened → plan shared; never repeats.
 * - resolution: opened → resolved (or closed); on reopen resumes (cycle 0) or, with
 *   `reopen: "restart"`, starts a new cycle at the reopen with a full budget.
 * - next-reply: the latest customer-waiting cycle (first unanswered comment → agent reply).
 * Re-targeting: the target is the one for the priority in force when the clock is read (or
 * when it stopped). Keep start: same start; the target took effect at the change, which is when
 * a breach it causes is observed (never back-dated). Restart: each priority or policy change
 * while the clock runs starts the clock over at the change (next-reply keeps its own start).
 * Every re-target begins a new cycle: SLA records (warnings, breach) are kept per cycle.
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "../ticket/state.js";
import type { CompiledMetric, CompiledPolicy } from "./compiled.js";

export interface MetricFrame {
  readonly cycle: number;
  readonly start: Instant;
  readonly stop: Instant | null;
  readonly priority: string;
  readonly target: Duration;
  /** When the target in force took effect: a breach is observed no earlier than this. */
  readonly effectiveFrom: Instant;
}

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
  const h = t.priorityHistory;
  for (let i = h.length - 1; i >= 0; i--) if (h[i]!.at <= at) return h[i]!.priority;
  return t.priority ?? "";
};

/**
 * The frame of `metric` for a ticket read at `now` (+∞ reads the ticket as it stands, for
 * timers); null when the clock has not started or the priority has no target.
 */
export const metricFrame = (
  t: TicketState,
  cp: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricFrame | null => {
  if (t.openedAt === null) return null;
  let start = t.openedAt;
  let stop: Instant | null;
  let cycle = 0;
  switch (metric.name) {
    case "response":
      stop = t.firstPublicAgentReplyAt;
      break;
    case "plan":
      stop = t.planSharedAt;
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
      if (n === 0) return null;
      const last = t.replyCycles[n - 1]!;
      cycle = n - 1;
      start = last.start;
      stop = last.end;
      break;
    }
  }
  const end = stop !== null && stop < now ? stop : now;
  const priority = priorityAt(t, end);
  const target = metric.targets[priority];
  if (target === undefined) return null;
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
    } else if (metric.targets[ph[i - 1]!.priority] !== metric.targets[c.priority]) {
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
  return { cycle, start, stop, priority, target, effectiveFrom };
};
