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
 * one implementation of the clocks; a property test holds them equal at every `now`. A new
 * reading after an event carries forward each clock the event left framed alike (same start,
 * target and calendar) by the same derivation, rather than walking it from its start again,
 * and is written in place over the last one (issue #15 §4: no allocation per re-read).
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { type ClockLog, clockLogOf } from "../ticket/clock.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { CalendarAxes, type CalendarAxis } from "./calendar-axis.js";
import type { MetricFrame } from "./frame.js";
import { ClockReader, type SlaReader } from "./reader.js";
import { type MetricRecord, type MetricStatus, metricRecord, putStatus, type SlaStatus } from "./status.js";

/**
 * One metric's reading and what deriving it at a later `now` needs, written in place by each
 * new reading: the status is kept as a record (`rec`) no caller sees, and handed out as a
 * status object (`read`) made from it when first asked for after the reading. A reading no one
 * asks for before the next one (a ticket's events in a burst) allocates nothing.
 */
export interface LiveMetric {
  /** The status read at the ticket's reading. */
  readonly rec: MetricRecord;
  /** That status as handed out, made on the first request after the reading; null until then. */
  read: MetricStatus | null;
  /** The axis of the calendar the target in force counts on. */
  axis: CalendarAxis;
  /** The reading's position on that axis (read only while the clock runs). */
  from: number;
}

/**
 * A ticket's clocks as last read: what changes them, and each metric's reading. The index keeps
 * one per ticket and a new reading overwrites it (`readLiveClocks`): it allocates only the new
 * statuses.
 */
export interface LiveClocks {
  /** The instant they were read at: the ticket's last event then. */
  at: Instant;
  policy: CompiledPolicy;
  /** Size of the clock log read (it only grows: an event that adds nothing changes no clock). */
  clockLength: number;
  priorityCount: number;
  /** One slot per metric of the policy, in its order: null while the metric has no clock. */
  readonly metrics: (LiveMetric | null)[];
  /** Nearest deadline among the running clocks (the work queue's), null when none runs. */
  nextDeadline: Instant | null;
  nextDeadlineMetric: MetricName | null;
}

/** Are `clocks` still those of `ticket` under `policy` (no event since added a clock fact)? */
export const clocksCurrent = (clocks: LiveClocks, ticket: TicketState, policy: CompiledPolicy): boolean => {
  if (clocks.policy !== policy) return false;
  const log = clockLogOf(ticket);
  return log.clock.length === clocks.clockLength && log.priorities.length === clocks.priorityCount;
};

/**
 * Can the readings of `last` be carried forward to `at` (`carried`)? When the policy is the
 * same and every clock fact added since is at `at` itself, no later than the last reading:
 * then the ticket's status spans before `at` are those the last reading saw, so each clock's
 * count up to `at` is its count at the last reading moved on as the reading derives it.
 */
const carriable = (last: LiveClocks, log: ClockLog, policy: CompiledPolicy, at: Instant): boolean => {
  if (last.policy !== policy || at < last.at) return false;
  const clock = log.clock;
  for (let i = last.clockLength; i < clock.length; i += 2) if (clock[i] !== at) return false;
  return true;
};

/**
 * Writes into `m.rec` one metric's status at `at` carried forward from its last reading (in
 * `m`) when its frame (read fresh: cycle, stop, priority, when the target took effect) still
 * has the same start, target and calendar: its count up to `at` is the reading's moved on (as
 * `liveMetricStatus` derives it: a running clock by the counted time since, else unchanged),
 * and it reached the target at the reading's deadline (a breached clock's, or a running one's
 * that has reached it since). The same status the reader's walk gives (`between` and `add` are
 * additive on whole milliseconds), with no walk; false (nothing written) when the frame
 * changed, so the metric is counted afresh. A property test holds carried readings equal to
 * fresh ones after every event (live-clocks.test.ts).
 */
const carried = (
  reader: ClockReader,
  policy: CompiledPolicy,
  j: number,
  frame: MetricFrame,
  m: LiveMetric,
  at: Instant,
): boolean => {
  const r = m.rec;
  if (r.startedAt !== frame.start || r.target !== frame.target || m.axis.calendar !== frame.calendar) return false;
  const elapsed = r.clock === "running" ? r.elapsed + (m.axis.position(at) - m.from) : r.elapsed;
  const reachedAt = r.state === "breached" || elapsed >= r.target ? r.deadline : Number.NaN;
  reader.statusFromCount(r, policy, j, at, elapsed, reachedAt);
  return true;
};

/**
 * Reads the clocks of `ticket` at its last event with `reader`, into `last` (the ticket's
 * previous reading, overwritten) when given; null before it opens. When the readings of `last`
 * can be carried (`carriable`), each metric is framed afresh and a clock whose frame kept its
 * start, target and calendar is carried forward (`carried`), any other counted from its start
 * by a walk of its own; else the reader reads the ticket whole, as `slaStatus` does (the only
 * way of a reader other than the core's own `ClockReader`).
 */
export const readLiveClocks = (
  reader: SlaReader,
  axes: CalendarAxes,
  ticket: TicketState,
  policy: CompiledPolicy,
  last: LiveClocks | null = null,
): LiveClocks | null => {
  const at = ticket.lastEventAt;
  if (ticket.openedAt === null || at === null) return null;
  const log = clockLogOf(ticket);
  const n = policy.metrics.length;
  const clocks: LiveClocks =
    last !== null && last.metrics.length === n
      ? last
      : {
          at,
          policy,
          clockLength: 0,
          priorityCount: 0,
          metrics: policy.metrics.map(() => null),
          nextDeadline: null,
          nextDeadlineMetric: null,
        };
  const slots = clocks.metrics;
  const carrier = last !== null && reader instanceof ClockReader && carriable(last, log, policy, at) ? reader : null;
  // Nothing to carry: the reader reads the ticket whole (metrics framed alike share one walk),
  // copied into the records.
  const status = carrier === null ? reader.status(ticket, policy, at) : null;
  const gathered = carrier?.gather(ticket) === true;
  let nextDeadline: Instant | null = null;
  let nextDeadlineMetric: MetricName | null = null;
  for (let j = 0; j < n; j++) {
    let read: MetricStatus | null = null;
    let calendar: BusinessCalendar | undefined;
    const frame = gathered ? (carrier as ClockReader).frameOf(policy, j, at) : null;
    if (status !== null) {
      read = status[(policy.metrics[j] as CompiledMetric).name] ?? null;
      calendar = read === null ? undefined : (policy.metrics[j] as CompiledMetric).targets.get(read.priority)?.calendar;
    } else calendar = frame?.calendar;
    if (calendar === undefined) {
      slots[j] = null;
      continue;
    }
    const axis = axes.of(calendar, at);
    const known = slots[j] as LiveMetric | null;
    const m = known ?? { rec: metricRecord(), read: null, axis, from: 0 };
    slots[j] = m;
    if (read !== null) Object.assign(m.rec, read);
    else if (known === null || !carried(carrier as ClockReader, policy, j, frame as MetricFrame, known, at))
      (carrier as ClockReader).countedStatus(m.rec, policy, j, at);
    const r = m.rec;
    // Not `read`: holding the reader's status beside the record would double the heap per ticket.
    m.read = null;
    m.axis = axis;
    m.from = r.clock === "running" ? axis.position(at) : 0;
    // As the work queue orders: the policy's metric order breaks a tie.
    if (r.clock === "running" && Number.isFinite(r.deadline) && (nextDeadline === null || r.deadline < nextDeadline)) {
      nextDeadline = r.deadline;
      nextDeadlineMetric = r.metric;
    }
  }
  clocks.at = at;
  clocks.policy = policy;
  clocks.clockLength = log.clock.length;
  clocks.priorityCount = log.priorities.length;
  clocks.nextDeadline = nextDeadline;
  clocks.nextDeadlineMetric = nextDeadlineMetric;
  return clocks;
};

/** The reading of `m` as a status object, made once per reading (callers keep what they are given). */
const readOf = (m: LiveMetric): MetricStatus => {
  const read = m.read;
  if (read !== null) return read;
  const made: MetricStatus = { ...m.rec };
  m.read = made;
  return made;
};

/**
 * A reading's status at `now`, `counted` counted time after it (what its clock counted since,
 * if it runs) on `calendar`, the calendar of its target in force; null when it reads as it was
 * read. One derivation for the index (axis positions) and for a reading a row keeps
 * (`liveMetricStatusAt`: one `between`).
 */
const movedOn = (r: MetricStatus, calendar: BusinessCalendar, counted: Duration, now: Instant): MetricStatus | null => {
  if (r.clock === "running") {
    if (counted === 0) return null;
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
  if (r.clock === "stopped" || r.state === "breached") return null;
  // Paused: the deadline it would have if it resumed now.
  const deadline = calendar.add(now, r.remaining);
  return deadline === r.deadline ? null : { ...r, deadline };
};

/** One metric's status at `now` (at or after the ticket's last event), from its reading. */
export const liveMetricStatus = (m: LiveMetric, now: Instant): MetricStatus => {
  const r = m.rec;
  return movedOn(r, m.axis.calendar, r.clock === "running" ? m.axis.position(now) - m.from : 0, now) ?? readOf(m);
};

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
): MetricStatus =>
  movedOn(read, calendar, read.clock === "running" && now !== at ? calendar.between(at, now) : 0, now) ?? read;

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
  const metrics: MetricStatus[] = [];
  for (const m of clocks.metrics) if (m !== null) metrics.push(readOf(m));
  return {
    at: clocks.at,
    clockLength: clocks.clockLength,
    priorityCount: clocks.priorityCount,
    metrics,
    nextDeadline: clocks.nextDeadline,
    nextDeadlineMetric: clocks.nextDeadlineMetric,
  };
};

/** Every metric's status at `now` (at or after the ticket's last event), as `slaStatus` gives it. */
export const liveStatus = (clocks: LiveClocks, now: Instant): SlaStatus => {
  const out: { [K in MetricName]?: MetricStatus } = {};
  for (const m of clocks.metrics) if (m !== null) putStatus(out, liveMetricStatus(m, now));
  return out;
};
