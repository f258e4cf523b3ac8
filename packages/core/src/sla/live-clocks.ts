/**
 * Live clocks: a ticket's SLA statuses read once, at its last event that can change them, and
 * kept so that its status at any later `now` is derived from them without reading the ticket
 * again (docs/sla.md#the-live-sla-index). Between two events a ticket's clock facts do not
 * change, so neither does any frame (start, stop, target, calendar, cycle): only `now` moves.
 *
 * - A stopped clock (met, or breached and stopped) reads the same at every later `now`.
 * - A paused clock keeps its elapsed time; unless breached, its deadline ("if it resumed now")
 *   is the calendar's `add(now, remaining)`, one calendar call.
 * - A running clock has counted `elapsed + between(at, now)`: the difference of two positions
 *   on its calendar's axis (calendar-axis.ts), the second shared by every clock read at that
 *   `now`. On a business calendar that is counted time, not `now − at`: remaining business time
 *   is never `deadline − now` across a closed stretch. Its deadline is the instant the count
 *   reaches the target, fixed while it runs; once reached, that instant is also its breachedAt
 *   (it lies after the reading, so after the target took effect).
 *
 * The readings come from the SLA reader itself (reader.ts), so the index and `slaStatus` share
 * one implementation of the clocks; a property test holds them equal at every `now`.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { clockLogOf } from "../ticket/clock.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { CalendarAxes, type CalendarAxis } from "./calendar-axis.js";
import { ClockReader, type SlaReader } from "./reader.js";
import { type MetricStatus, putStatus, type SlaStatus } from "./status.js";

/** One metric's reading and what deriving it at a later `now` needs. */
export interface LiveMetric {
  /** The status read at the ticket's reading. */
  readonly read: MetricStatus;
  /** The axis of the calendar the target in force counts on. */
  readonly axis: CalendarAxis;
  /** The reading's position on that axis (read only while the clock runs). */
  readonly from: number;
}

/** A ticket's clocks as last read: what changes them, and each metric's reading. */
export interface LiveClocks {
  /** The instant they were read at: the ticket's last event then. */
  readonly at: Instant;
  readonly policy: CompiledPolicy;
  /** Size of the clock log read (it only grows: an event that adds nothing changes no clock). */
  readonly clockLength: number;
  readonly priorityCount: number;
  /** In the policy's metric order. */
  readonly metrics: readonly LiveMetric[];
  /** Nearest deadline among the running clocks (the work queue's), null when none runs. */
  readonly nextDeadline: Instant | null;
  readonly nextDeadlineMetric: MetricName | null;
}

/** Are `clocks` still those of `ticket` under `policy` (no event since added a clock fact)? */
export const clocksCurrent = (clocks: LiveClocks, ticket: TicketState, policy: CompiledPolicy): boolean => {
  if (clocks.policy !== policy) return false;
  const log = clockLogOf(ticket);
  return log.clock.length === clocks.clockLength && log.priorities.length === clocks.priorityCount;
};

/** Reads the clocks of `ticket` at its last event with `reader`; null before it opens. */
export const readLiveClocks = (
  reader: SlaReader,
  axes: CalendarAxes,
  ticket: TicketState,
  policy: CompiledPolicy,
): LiveClocks | null => {
  const at = ticket.lastEventAt;
  if (ticket.openedAt === null || at === null) return null;
  const status = reader.status(ticket, policy, at);
  const metrics: LiveMetric[] = [];
  let nextDeadline: Instant | null = null;
  let nextDeadlineMetric: MetricName | null = null;
  for (const metric of policy.metrics) {
    const read = status[metric.name];
    const target = read === undefined ? undefined : metric.targets.get(read.priority);
    if (read === undefined || target === undefined) continue;
    const axis = axes.of(target.calendar, at);
    metrics.push({ read, axis, from: read.clock === "running" ? axis.position(at) : 0 });
    // As the work queue orders: the policy's metric order breaks a tie.
    if (
      read.clock === "running" &&
      Number.isFinite(read.deadline) &&
      (nextDeadline === null || read.deadline < nextDeadline)
    ) {
      nextDeadline = read.deadline;
      nextDeadlineMetric = read.metric;
    }
  }
  const log = clockLogOf(ticket);
  return {
    at,
    policy,
    clockLength: log.clock.length,
    priorityCount: log.priorities.length,
    metrics,
    nextDeadline,
    nextDeadlineMetric,
  };
};

/**
 * A reading's status at `now`, `counted` counted time after it (what its clock counted since,
 * if it runs) on `calendar`, the calendar of its target in force.
 */
const movedOn = (r: MetricStatus, calendar: BusinessCalendar, counted: Duration, now: Instant): MetricStatus => {
  if (r.clock === "running") {
    if (counted === 0) return r;
    const elapsed = r.elapsed + counted;
    const target = r.target;
    const breached = elapsed >= target;
    return {
      metric: r.metric,
      cycle: r.cycle,
      state: breached ? "breached" : "running",
      clock: "running",
      priority: r.priority,
      target,
      startedAt: r.startedAt,
      elapsed,
      remaining: target - elapsed,
      deadline: r.deadline,
      percent: target > 0 ? (elapsed / target) * 100 : 100,
      breachedAt: r.breachedAt ?? (breached ? r.deadline : null),
      stoppedAt: null,
      calendar: r.calendar,
    };
  }
  if (r.clock === "stopped" || r.state === "breached") return r;
  // Paused: the deadline it would have if it resumed now.
  const deadline = calendar.add(now, r.remaining);
  return deadline === r.deadline ? r : { ...r, deadline };
};

/** One metric's status at `now` (at or after the ticket's last event), from its reading. */
export const liveMetricStatus = (m: LiveMetric, now: Instant): MetricStatus =>
  movedOn(m.read, m.axis.calendar, m.read.clock === "running" ? m.axis.position(now) - m.from : 0, now);

/**
 * One metric's status at `now` from its reading `read` taken at `at` (`now` at or after `at`),
 * for a reading kept outside an index (a database row): as `liveMetricStatus`, with one
 * `calendar.between(at, now)` for a running clock instead of axis positions (which are
 * anchored per process, so never stored). `calendar` is the calendar of the target in force:
 * `readingCalendar(policy, read)`.
 */
export const liveMetricStatusAt = (
  read: MetricStatus,
  calendar: BusinessCalendar,
  at: Instant,
  now: Instant,
): MetricStatus => movedOn(read, calendar, read.clock === "running" && now !== at ? calendar.between(at, now) : 0, now);

/** The calendar a reading of `policy` counts on (its target's, as `readLiveClocks` takes it); undefined when none. */
export const readingCalendar = (policy: CompiledPolicy, read: MetricStatus): BusinessCalendar | undefined =>
  policy.metrics.find((m) => m.name === read.metric)?.targets.get(read.priority)?.calendar;

/**
 * A ticket's clocks read at its last event, in a form a row can keep (plain data: no policy,
 * calendar or axis): each metric's status then, the clock log's size to tell whether a later
 * event changed a clock fact, and the nearest running deadline. A store derives the statuses
 * at a later `now` with `liveMetricStatusAt`, as the live SLA index does in memory.
 */
export interface ClockReading {
  /** The instant they were read at: the ticket's last event then. */
  readonly at: Instant;
  readonly clockLength: number;
  readonly priorityCount: number;
  /** In the policy's metric order. */
  readonly metrics: readonly MetricStatus[];
  readonly nextDeadline: Instant | null;
  readonly nextDeadlineMetric: MetricName | null;
}

/** The clocks of `ticket` under `policy` read at its last event, as data; null before it opens. */
export const clockReading = (
  ticket: TicketState,
  policy: CompiledPolicy,
  reader: SlaReader = new ClockReader(),
): ClockReading | null => {
  const clocks = readLiveClocks(reader, new CalendarAxes(), ticket, policy);
  if (clocks === null) return null;
  return {
    at: clocks.at,
    clockLength: clocks.clockLength,
    priorityCount: clocks.priorityCount,
    metrics: clocks.metrics.map((m) => m.read),
    nextDeadline: clocks.nextDeadline,
    nextDeadlineMetric: clocks.nextDeadlineMetric,
  };
};

/** Every metric's status at `now` (at or after the ticket's last event), as `slaStatus` gives it. */
export const liveStatus = (clocks: LiveClocks, now: Instant): SlaStatus => {
  const out: { [K in MetricName]?: MetricStatus } = {};
  for (const m of clocks.metrics) putStatus(out, liveMetricStatus(m, now));
  return out;
};
