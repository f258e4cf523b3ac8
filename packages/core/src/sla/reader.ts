/**
 * The SLA reader: the object that reads tickets' SLA clocks. It owns everything the fast path
 * reuses from one ticket to the next (the gathered clock facts, the frames, the counting
 * records, the walk), so reading 100,000 tickets allocates only their results (bench/sla), and
 * nothing is shared between readers: two readers never see each other's scratch, and no module
 * holds any. A reader reads one ticket at a time (it is not re-entrant; JavaScript runs one call
 * at a time, so that is only a rule for the calendar code it calls, which never reads SLA).
 *
 * `slaStatus` and `slaStatusAsOf` make a reader per call; code reading many tickets makes one
 * with `createSlaReader()` and keeps it. The readable reference these readings are
 * property-tested against is `referenceSlaStatus` in `@ticketfold/testing/laws`.
 */
import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { type ClockFacts, createClockFacts, gatherTicket } from "./clock-facts.js";
import {
  type ClockCount,
  type ClockWalk,
  clockCount,
  countClocks,
  countTime,
  createClockWalk,
} from "./counted-time.js";
import { emptyFrame, type FrameRecord, frameOfFacts, type MetricFrame } from "./frame.js";
import {
  endOf,
  type MetricRecord,
  type MetricStatus,
  putStatus,
  type SlaStatus,
  statusInto,
  statusOf,
} from "./status.js";

/** Reads SLA clocks of tickets, one ticket at a time, reusing its own scratch between them. */
export interface SlaReader {
  /** The status of every metric the policy defines and the ticket has a clock for, at `now`. */
  status(ticket: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus;
  /**
   * The statuses as the ticket stood at `at`: only its events at or before `at` are read, and
   * they are read at `at` (docs/design/sla-semantics.md#as-of-readings).
   */
  statusAsOf(ticket: TicketState, policy: CompiledPolicy, at: Instant): SlaStatus;
}

/** Which of a ticket's events a reading sees: those at or before `at`, or strictly before it. */
export interface AsOf {
  readonly at: Instant;
  readonly before?: boolean;
}

const EVERYTHING: AsOf = Object.freeze({ at: Number.POSITIVE_INFINITY });

/** The reader; its extra methods serve the core's timers and escalation ladder. */
export class ClockReader implements SlaReader {
  private readonly facts: ClockFacts = createClockFacts();
  private readonly walk: ClockWalk = createClockWalk(this.facts);
  /** One slot per metric (a policy has at most four). */
  private readonly frames: FrameRecord[] = [emptyFrame(), emptyFrame(), emptyFrame(), emptyFrame()];
  private readonly counts: ClockCount[] = [clockCount(), clockCount(), clockCount(), clockCount()];
  private readonly framed = [false, false, false, false];
  private readonly counted = [false, false, false, false];
  private readonly group: ClockCount[] = [clockCount(), clockCount(), clockCount(), clockCount()];

  status(ticket: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus {
    return this.read(ticket, policy, now, EVERYTHING);
  }

  statusAsOf(ticket: TicketState, policy: CompiledPolicy, at: Instant): SlaStatus {
    return this.read(ticket, policy, at, { at });
  }

  /**
   * Every metric's status at `now`, of the events `asOf` lets through. Metrics with the same
   * start, pauses and calendar are counted in one walk (counted-time.ts).
   */
  read(ticket: TicketState, policy: CompiledPolicy, now: Instant, asOf: AsOf): SlaStatus {
    const out: { [K in MetricName]?: MetricStatus } = {};
    const facts = this.facts;
    if (!gatherTicket(facts, ticket, asOf.at, asOf.before === true)) return out;
    const { frames, counts, framed, counted, group } = this;
    const metrics = policy.metrics;
    const n = metrics.length;
    for (let j = 0; j < n; j++) {
      const f = frames[j] as FrameRecord;
      framed[j] = frameOfFacts(facts, f, policy, metrics[j] as CompiledMetric, now);
      counted[j] = false;
      const c = counts[j] as ClockCount;
      c.end = endOf(f, now);
      c.threshold = f.target;
    }
    for (let j = 0; j < n; j++) {
      if (!framed[j] || counted[j]) continue;
      const f = frames[j] as FrameRecord;
      const mask = (metrics[j] as CompiledMetric).pauseMask;
      let size = 0;
      for (let k = j; k < n; k++) {
        const g = frames[k] as FrameRecord;
        if (!framed[k] || counted[k] || g.start !== f.start || g.calendar !== f.calendar) continue;
        if ((metrics[k] as CompiledMetric).pauseMask !== mask) continue;
        group[size++] = counts[k] as ClockCount;
        counted[k] = true;
      }
      countClocks(this.walk, f.start, mask, f.calendar, group, size);
    }
    for (let j = 0; j < n; j++) {
      if (framed[j])
        putStatus(
          out,
          statusOf(facts, metrics[j] as CompiledMetric, frames[j] as FrameRecord, counts[j] as ClockCount, now),
        );
    }
    return out;
  }

  /**
   * Gathers `ticket` as it stands for the per-metric readings below (`frameOf`, `countedStatus`,
   * `statusFromCount`), which the live SLA index uses to carry a reading forward
   * (live-clocks.ts); false before it opens. Their results are those `read` gives.
   */
  gather(ticket: TicketState): boolean {
    return gatherTicket(this.facts, ticket);
  }

  /** The frame of the `j`-th metric of `policy` for the gathered ticket at `now` (in slot `j`); null when it has no clock. */
  frameOf(policy: CompiledPolicy, j: number, now: Instant): MetricFrame | null {
    const f = this.frames[j] as FrameRecord;
    return frameOfFacts(this.facts, f, policy, policy.metrics[j] as CompiledMetric, now) ? f : null;
  }

  /** Writes into `out` the status of the `j`-th metric from its frame (`frameOf`), its clock counted by a walk of its own. */
  countedStatus(out: MetricRecord, policy: CompiledPolicy, j: number, now: Instant): MetricRecord {
    const f = this.frames[j] as FrameRecord;
    const metric = policy.metrics[j] as CompiledMetric;
    const counted = countTime(this.walk, f.start, endOf(f, now), metric.pauseMask, f.calendar, f.target);
    return statusInto(out, this.facts, metric, f, counted, now);
  }

  /**
   * Writes into `out` the status of the `j`-th metric from its frame (`frameOf`) and a count
   * known otherwise: its counted time in [start, end) and the instant it reached the target
   * (NaN when it has not).
   */
  statusFromCount(
    out: MetricRecord,
    policy: CompiledPolicy,
    j: number,
    now: Instant,
    elapsed: Duration,
    reachedAt: Instant,
  ): MetricRecord {
    const c = this.walk.single;
    c.elapsed = elapsed;
    c.reachedAt = reachedAt;
    return statusInto(out, this.facts, policy.metrics[j] as CompiledMetric, this.frames[j] as FrameRecord, c, now);
  }

  /** One metric's status at `now` (of the events `asOf` lets through), or null when it has no clock. */
  metricStatus(
    ticket: TicketState,
    policy: CompiledPolicy,
    metric: CompiledMetric,
    now: Instant,
    asOf: AsOf = EVERYTHING,
  ): MetricStatus | null {
    const facts = this.facts;
    const frame = this.frames[0] as FrameRecord;
    if (!gatherTicket(facts, ticket, asOf.at, asOf.before === true)) return null;
    if (!frameOfFacts(facts, frame, policy, metric, now)) return null;
    const counted = countTime(
      this.walk,
      frame.start,
      endOf(frame, now),
      metric.pauseMask,
      frame.calendar,
      frame.target,
    );
    return statusOf(facts, metric, frame, counted, now);
  }

  /** The frame of `metric` at `now` as a new value (+∞: the ticket as it stands); null when the clock has none. */
  frame(ticket: TicketState, policy: CompiledPolicy, metric: CompiledMetric, now: Instant): MetricFrame | null {
    const out = emptyFrame();
    return gatherTicket(this.facts, ticket) && frameOfFacts(this.facts, out, policy, metric, now) ? out : null;
  }

  /**
   * When does a metric's clock reach a given counted time (warnings, breaches, the escalation
   * ladder: docs/design/sla-semantics.md#escalation-ladder)? Measured on the metric's own clock
   * (paused time does not count, nothing is reached after the clock stops), on the calendar of
   * the target in force, and observed no earlier than that target took effect
   * (docs/design/sla-semantics.md#re-targeting). As the ticket stands (no further events);
   * null when it never does.
   */
  reach(ticket: TicketState, metric: CompiledMetric, frame: MetricFrame, counted: Duration): Instant | null {
    const end = frame.stop ?? Number.POSITIVE_INFINITY;
    gatherTicket(this.facts, ticket);
    const at = countTime(this.walk, frame.start, end, metric.pauseMask, frame.calendar, counted).reachedAt;
    if (Number.isNaN(at)) return counted <= 0 ? frame.effectiveFrom : null;
    return Math.max(at, frame.effectiveFrom);
  }
}

/** A new SLA reader: make one and keep it to read many tickets (it reuses its scratch). */
export const createSlaReader = (): SlaReader => new ClockReader();

/** A new reader with the core's extra readings (frames, reaches, one metric, as-of cuts). */
export const createClockReader = (): ClockReader => new ClockReader();

/**
 * The status of each SLA metric of a ticket at `now` (`now` at or after its last event). Makes
 * a reader for the call; to read many tickets, keep one from `createSlaReader()`.
 */
export const slaStatus = (ticket: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus =>
  new ClockReader().status(ticket, policy, now);

/**
 * The status of each SLA metric as the ticket stood at `at`: its events after `at` are not
 * read (docs/design/sla-semantics.md#as-of-readings). Makes a reader for the call.
 */
export const slaStatusAsOf = (ticket: TicketState, policy: CompiledPolicy, at: Instant): SlaStatus =>
  new ClockReader().statusAsOf(ticket, policy, at);

/** One metric's status at `now`, or null when it has no clock (not started, or no target for the priority). */
export const metricStatus = (
  ticket: TicketState,
  policy: CompiledPolicy,
  metric: CompiledMetric,
  now: Instant,
): MetricStatus | null => new ClockReader().metricStatus(ticket, policy, metric, now);
