/**
 * The reference SLA evaluator: the readable counterpart of the core's fast SLA reader, as the
 * minute oracle is the calendar's. It shares none of the reader's speed-ups (no clock log, no
 * bit codes, no gathered facts, no shared walks, no reused records): it replays the ticket's
 * events into plain timelines and, metric by metric, finds the cycle's start and stop, the
 * target in force, and counts the business time of each status span in turn. The rules are
 * those of docs/design/sla-semantics.md#clocks, docs/design/sla-semantics.md#re-targeting and
 * docs/design/sla-semantics.md#status-of-a-metric; the
 * table of what pauses and stops each metric is written out here again from that page, not
 * taken from the core's compiled masks.
 *
 * It counts on the calendars of the compiled policy (`between`, `add`), whose own laws and
 * minute oracle check them; business time being additive (`between(a, c) = between(a, b) +
 * between(b, c)`), counting span by span gives exactly what the reader's merged runs give.
 * Slow on purpose: for tests.
 */
import type { CompiledPolicy, Instant, MetricStatus, SlaStatus, TicketEvent } from "@ticketfold/core";

type CompiledMetric = CompiledPolicy["metrics"][number];
type Metric = CompiledMetric["name"];
type Calendar = CompiledMetric["calendar"];

interface Span {
  readonly status: string;
  readonly from: Instant;
  /** Began by a reopen. */
  readonly reopened: boolean;
}

/** What a ticket's SLA clocks read, replayed from its events in order. */
export interface SlaTimeline {
  readonly openedAt: Instant | null;
  readonly spans: readonly Span[];
  /** Priority changes, the opening priority first. */
  readonly priorities: readonly { readonly at: Instant; readonly priority: string }[];
  /** Policy changes, the opening policy first. */
  readonly policies: readonly Instant[];
  readonly firstReplyAt: Instant | null;
  readonly planSharedAt: Instant | null;
  /** Customer-waiting cycles (next-reply): a first unanswered customer comment to the next public agent reply. */
  readonly replyCycles: readonly { readonly start: Instant; readonly end: Instant | null }[];
}

/** Replays the events that matter to SLA clocks. */
export const slaTimeline = (events: readonly TicketEvent[]): SlaTimeline => {
  let openedAt: Instant | null = null;
  const spans: Span[] = [];
  const priorities: { at: Instant; priority: string }[] = [];
  const policies: Instant[] = [];
  let firstReplyAt: Instant | null = null;
  let planSharedAt: Instant | null = null;
  const replyCycles: { start: Instant; end: Instant | null }[] = [];
  const enter = (status: string, at: Instant, reopened = false) => spans.push({ status, from: at, reopened });
  for (const e of events) {
    switch (e.type) {
      case "opened":
        openedAt = e.at;
        priorities.push({ at: e.at, priority: e.data.priority });
        policies.push(e.at);
        enter("new", e.at);
        break;
      case "prioritised":
        priorities.push({ at: e.at, priority: e.data.to });
        break;
      case "policy-changed":
        policies.push(e.at);
        break;
      case "accepted":
      case "customer-replied":
        enter("open", e.at);
        break;
      case "awaiting-customer":
        enter("awaiting-customer", e.at);
        break;
      case "resolved":
        enter("resolved", e.at);
        break;
      case "closed":
        enter("closed", e.at);
        break;
      case "reopened":
        enter("open", e.at, true);
        break;
      case "plan-shared":
        planSharedAt ??= e.at;
        break;
      case "commented": {
        if (e.data.visibility === "internal") break;
        const waiting = replyCycles.at(-1);
        const open = waiting !== undefined && waiting.end === null;
        if (e.data.author === "customer" && !open) replyCycles.push({ start: e.at, end: null });
        if (e.data.author === "agent") {
          firstReplyAt ??= e.at;
          if (open) waiting.end = e.at;
        }
        break;
      }
      default:
        break;
    }
  }
  return { openedAt, spans, priorities, policies, firstReplyAt, planSharedAt, replyCycles };
};

/** What pauses each metric by default, beside resolved and closed, which never count (#clocks). */
const DEFAULT_PAUSES: Record<Metric, readonly string[]> = {
  response: [],
  plan: ["awaiting-customer"],
  resolution: ["awaiting-customer"],
  "next-reply": [],
};
/** What stops each metric by default (#clocks). */
const DEFAULT_STOPS: Record<Metric, readonly string[]> = {
  response: ["public-reply"],
  plan: ["plan-shared"],
  resolution: ["resolved"],
  "next-reply": ["public-reply"],
};

const pausesOf = (policy: CompiledPolicy, metric: Metric): ReadonlySet<string> => {
  const own = policy.policy.sla?.metrics?.[metric]?.pauseWhile;
  return new Set(["none", "resolved", "closed", ...(own ?? DEFAULT_PAUSES[metric])]);
};

const stopsOf = (policy: CompiledPolicy, metric: Metric): readonly string[] => {
  const own = policy.policy.sla?.metrics?.[metric]?.stopOn;
  return own === undefined ? DEFAULT_STOPS[metric] : typeof own === "string" ? [own] : own;
};

const earliest = (xs: readonly (Instant | null | undefined)[]): Instant | null => {
  const known = xs.filter((x): x is Instant => x !== null && x !== undefined);
  return known.length === 0 ? null : Math.min(...known);
};

/** When a never-re-arming clock (response, plan) stopped: the first of its stop events. */
const firstStop = (t: SlaTimeline, stops: readonly string[]): Instant | null =>
  earliest(
    stops.map((stop) => {
      switch (stop) {
        case "public-reply":
          return t.firstReplyAt;
        case "plan-shared":
          return t.planSharedAt;
        case "accepted":
          return t.spans.find((s, i) => s.status === "open" && t.spans[i - 1]?.status === "new")?.from;
        case "awaiting-customer":
          return t.spans.find((s) => s.status === "awaiting-customer")?.from;
        case "resolved":
          return t.spans.find((s) => s.status === "resolved" || s.status === "closed")?.from;
        default:
          return null;
      }
    }),
  );

/** The instant resolution stopped: the start of the trailing run of resolved/closed spans; null while live. */
const resolutionStop = (t: SlaTimeline): Instant | null => {
  let stop: Instant | null = null;
  for (let i = t.spans.length - 1; i >= 0; i--) {
    const s = t.spans[i] as Span;
    if (s.status !== "resolved" && s.status !== "closed") break;
    stop = s.from;
  }
  return stop;
};

/** The priority in force at `at`: the latest change at or before it, else the opening priority. */
const priorityAt = (t: SlaTimeline, at: Instant): string => {
  const changes = t.priorities.slice(1).filter((p) => p.at <= at);
  return (changes.at(-1) ?? t.priorities[0])?.priority as string;
};

/** The counting pieces of a clock: each span's part in [start, end) while its status does not pause the clock. */
const countingPieces = (
  t: SlaTimeline,
  pauses: ReadonlySet<string>,
  start: Instant,
  end: Instant,
): { from: Instant; to: Instant }[] =>
  t.spans.flatMap((s, i) => {
    const next = t.spans[i + 1]?.from ?? Number.POSITIVE_INFINITY;
    const from = Math.max(s.from, start);
    const to = Math.min(next, end);
    return pauses.has(s.status) || to <= from ? [] : [{ from, to }];
  });

/** One metric's status at `now`, or null when it has no clock (not started, no target for the priority). */
export const referenceMetricStatus = (
  t: SlaTimeline,
  policy: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricStatus | null => {
  if (t.openedAt === null) return null;
  const name = metric.name;
  // The cycle: when it started and whether it stopped (#clocks).
  let cycle = 0;
  let start: Instant = t.openedAt;
  let stop: Instant | null;
  if (name === "response" || name === "plan") stop = firstStop(t, stopsOf(policy, name));
  else if (name === "resolution") {
    stop = resolutionStop(t);
    const reopens = t.spans.filter((s) => s.reopened);
    if (policy.reopen === "restart" && reopens.length > 0) {
      cycle = reopens.length;
      start = (reopens.at(-1) as Span).from;
    }
  } else {
    const last = t.replyCycles.at(-1);
    if (last === undefined) return null;
    cycle = t.replyCycles.length - 1;
    start = last.start;
    stop = last.end;
  }
  const stopped = stop !== null && stop <= now;
  const end = stopped ? (stop as Instant) : now;
  // The target in force: that of the priority at the end of counting (#re-targeting).
  const priority = priorityAt(t, end);
  const target = metric.targets.get(priority);
  if (target === undefined) return null;
  // Re-targeting since opening: every change moves the cycle on. Restart: the clock starts over
  // at the change. Keep start: a change of target (or of policy) is when a breach is observed.
  const restart = policy.retarget === "restart" && name !== "next-reply";
  let effectiveFrom = start;
  t.priorities.forEach((change, i) => {
    if (i === 0 || change.at > end) return;
    const before = t.priorities[i - 1] as { priority: string };
    if (restart) {
      cycle++;
      start = Math.max(start, change.at);
      return;
    }
    const was = metric.targets.get(before.priority);
    const now_ = metric.targets.get(change.priority);
    const targetChanged = before.priority !== change.priority && was !== now_;
    if (targetChanged) {
      cycle++;
      if (change.at > start) effectiveFrom = change.at;
    }
  });
  t.policies.forEach((at, i) => {
    if (i === 0 || at > end) return;
    cycle++;
    if (restart) start = Math.max(start, at);
    else if (at > start) effectiveFrom = Math.max(effectiveFrom, at);
  });
  if (restart) effectiveFrom = start;
  // Count, span by span, on the calendar of the target in force.
  const calendar: Calendar = target.calendar;
  const within = target.budgetFrom(start);
  let elapsed = 0;
  let reachedAt: Instant | null = null;
  for (const piece of countingPieces(t, pausesOf(policy, name), start, end)) {
    const d = calendar.between(piece.from, piece.to);
    if (reachedAt === null && elapsed + d >= within) reachedAt = calendar.add(piece.from, within - elapsed);
    elapsed += d;
  }
  const breached = elapsed >= within;
  const deadline = breached ? (reachedAt ?? start) : calendar.add(end, within - elapsed);
  const last = t.spans.at(-1);
  const counting = last !== undefined && !pausesOf(policy, name).has(last.status);
  return {
    metric: name,
    cycle,
    state: breached ? "breached" : stopped ? "met" : counting ? "running" : "paused",
    clock: stopped ? "stopped" : counting ? "running" : "paused",
    priority,
    target: within,
    startedAt: start,
    elapsed,
    remaining: within - elapsed,
    deadline,
    percent: within > 0 ? (elapsed / within) * 100 : 100,
    breachedAt: breached ? Math.max(deadline, effectiveFrom) : null,
    stoppedAt: stopped ? stop : null,
    calendar: target.calendarRef,
  };
};

/**
 * The status of every SLA metric of the ticket whose events are `events`, at `now` (at or
 * after its last event), computed the readable way. To read the ticket as it stood at an
 * earlier instant, pass its events up to that instant (what `slaStatusAsOf` reads).
 */
export const referenceSlaStatus = (events: readonly TicketEvent[], policy: CompiledPolicy, now: Instant): SlaStatus => {
  const t = slaTimeline(events);
  const out: { [K in Metric]?: MetricStatus } = {};
  for (const metric of policy.metrics) {
    const s = referenceMetricStatus(t, policy, metric, now);
    if (s !== null) out[metric.name] = s;
  }
  return out;
};
