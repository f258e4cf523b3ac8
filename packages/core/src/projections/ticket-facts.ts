/**
 * What one ticket contributes to the statistics (P-B, P-C: statistics of resolved incidents,
 * billable time), as a function of its state and policy alone. Statistics are the sum of the
 * facts of every ticket's current state, so a store may replace a ticket's facts at any time
 * and any batching of events gives the same totals.
 *
 * - customer: `contract:<contractId>`, else `organisation:<organisation>`, else `none`;
 * - SLA outcomes: every metric cycle that has stopped, met or breached, under the priority in
 *   force when it stopped and the UTC month of the stop. A cycle counts once, at its latest
 *   stop: a reopened ticket whose resolution clock resumes (the default) withdraws its outcome
 *   until it is resolved again; with `reopen: "restart"` each resolution cycle keeps its own,
 *   and every next-reply cycle has its own;
 * - each outcome carries the SLA's own reading at the stop: the cycle, the counted time
 *   (`elapsed`: business time on the target's calendar, paused time not counted), the target,
 *   deadline and breach instant, so a report's durations are the SLA's and `met` ⇔ elapsed <
 *   target (a stop at the deadline is a breach, as in sla/status.ts);
 * - response time / resolution time: the `elapsed` of the latest stopped cycle of the policy's
 *   `response` / `resolution` metric (none while that clock runs, none without such a metric);
 * - what the reports read besides (projections/report.ts): the category, the policy's time
 *   zone, resolutions, ratings and time entries.
 */
import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { type ClockReader, createClockReader } from "../sla/reader.js";
import type { MetricStatus } from "../sla/status.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketFields } from "../ticket/fields.js";
import type { Rating, TicketState, TimeEntry } from "../ticket/state.js";
import type { Status } from "../ticket/transitions.js";

export interface MetricOutcome {
  readonly metric: MetricName;
  readonly priority: string;
  /** UTC month of the stop, `YYYY-MM`. */
  readonly month: string;
  readonly outcome: "met" | "breached";
  readonly cycle: number;
  /** Counted time from the start to the stop, as the SLA counted it. */
  readonly elapsed: Duration;
  readonly target: Duration;
  readonly startedAt: Instant;
  readonly stoppedAt: Instant;
  readonly deadline: Instant;
  readonly breachedAt: Instant | null;
}

export interface ResolvedCycle {
  readonly cycle: number;
  readonly at: Instant;
}

export interface TicketFacts {
  readonly tenant: string;
  readonly ticketId: string;
  readonly customer: string;
  readonly status: Status;
  readonly priority: string;
  readonly responseTime: Duration | null;
  readonly resolutionTime: Duration | null;
  readonly minutesBillable: number;
  readonly minutesUnbilled: number;
  readonly outcomes: readonly MetricOutcome[];
  readonly category: string;
  /** The zone reports bucket this ticket's instants in (reportTimeZone). */
  readonly timeZone: string;
  /** Each resolution with its cycle (0 until the first reopen, then 1, …). */
  readonly resolutions: readonly ResolvedCycle[];
  readonly ratings: readonly Rating[];
  readonly timeEntries: readonly TimeEntry[];
}

/**
 * The policy's time zone for reports: that of its first named calendar with a zone (P-A's Chicago office,
 * P-D's Berlin office), else UTC (a policy that counts on 24x7 only).
 */
export const reportTimeZone = (p: CompiledPolicy): string => {
  for (const def of Object.values(p.policy.calendars ?? {})) if ("timeZone" in def) return def.timeZone;
  return "UTC";
};

/** The statistics key of a ticket's customer (see the module note). */
export const customerOf = (fields: TicketFields): string =>
  fields.contractId !== undefined
    ? `contract:${fields.contractId}`
    : fields.organisation !== undefined
      ? `organisation:${fields.organisation}`
      : "none";

/** `YYYY-MM` of an instant, in UTC. */
export const monthOf = (at: Instant): string => {
  const d = new Date(at);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

const outcomeOf = (s: MetricStatus | null): MetricOutcome | null =>
  s === null || s.stoppedAt === null
    ? null
    : {
        metric: s.metric,
        priority: s.priority,
        month: monthOf(s.stoppedAt),
        outcome: s.state === "met" ? "met" : "breached",
        cycle: s.cycle,
        elapsed: s.elapsed,
        target: s.target,
        startedAt: s.startedAt,
        stoppedAt: s.stoppedAt,
        deadline: s.deadline,
        breachedAt: s.breachedAt,
      };

/** The counted time of the latest stopped cycle of a metric (outcomes are in cycle order). */
const latestElapsed = (outcomes: readonly MetricOutcome[], metric: MetricName): Duration | null => {
  let found: Duration | null = null;
  for (const o of outcomes) if (o.metric === metric) found = o.elapsed;
  return found;
};

/**
 * Outcomes of the cycles before the current one: restarted resolution cycles, answered reply
 * batches. Each is an as-of reading (docs/design/sla-semantics.md#as-of-readings): the ticket
 * as it stood when the cycle ended.
 */
const pastCycles = (r: ClockReader, t: TicketState, p: CompiledPolicy, m: CompiledMetric): (MetricStatus | null)[] => {
  if (m.name === "resolution" && p.reopen === "restart") {
    // Cycle j ended when reopen j began it anew: read the ticket as it stood just before.
    return t.reopenedAt.map((reopen) => r.metricStatus(t, p, m, reopen, { at: reopen, before: true }));
  }
  if (m.name === "next-reply") {
    // Batch k ended with the agent's reply: read the ticket as it stood then, the reply included.
    return t.replyCycles.slice(0, -1).map((c) => {
      const end = c.end ?? c.start;
      return r.metricStatus(t, p, m, end, { at: end });
    });
  }
  return [];
};

/** The resolutions of a ticket; a resolution's cycle is the number of reopens before it. */
const resolvedCycles = (t: TicketState): ResolvedCycle[] => {
  const out: ResolvedCycle[] = [];
  for (const span of t.statusHistory) {
    if (span.status !== "resolved") continue;
    out.push({ cycle: t.reopenedAt.filter((r) => r <= span.from).length, at: span.from });
  }
  return out;
};

/** The facts of a ticket, or null before it is opened. */
export const ticketFacts = (t: TicketState, p: CompiledPolicy): TicketFacts | null => {
  const { fields, openedAt, lastEventAt, tenantId, ticketId, priority } = t;
  if (t.status === "none" || fields === null || openedAt === null || lastEventAt === null) return null;
  if (tenantId === null || ticketId === null || priority === null) return null;
  const outcomes: MetricOutcome[] = [];
  const r = createClockReader();
  for (const m of p.metrics) {
    for (const s of [...pastCycles(r, t, p, m), r.metricStatus(t, p, m, lastEventAt)]) {
      const o = outcomeOf(s);
      if (o !== null) outcomes.push(o);
    }
  }
  return {
    tenant: tenantId,
    ticketId,
    customer: customerOf(fields),
    status: t.status,
    priority,
    responseTime: latestElapsed(outcomes, "response"),
    resolutionTime: latestElapsed(outcomes, "resolution"),
    minutesBillable: t.minutesBillable,
    minutesUnbilled: t.minutesUnbilled,
    outcomes,
    category: fields.category,
    timeZone: reportTimeZone(p),
    resolutions: resolvedCycles(t),
    ratings: t.ratings,
    timeEntries: t.timeEntries,
  };
};
