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
 * - response time: opened → first public agent reply; resolution time: opened → resolved (the
 *   latest resolution; none while reopened, none for a ticket closed without being resolved).
 *   Both count on the calendar of the policy's `response` / `resolution` metric when it has
 *   one (business time, pauses not subtracted), else wall-clock time.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { CompiledMetric, CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { type ClockReader, createClockReader } from "../sla/reader.js";
import type { MetricStatus } from "../sla/status.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketFields } from "../ticket/fields.js";
import type { TicketState } from "../ticket/state.js";
import type { Status } from "../ticket/transitions.js";

export interface MetricOutcome {
  readonly metric: MetricName;
  readonly priority: string;
  /** UTC month of the stop, `YYYY-MM`. */
  readonly month: string;
  readonly outcome: "met" | "breached";
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
}

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

const countedOn = (cal: BusinessCalendar | undefined, from: Instant, to: Instant | null): Duration | null =>
  to === null ? null : cal === undefined ? to - from : cal.between(from, to);

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
  const calendarOf = (name: MetricName) => p.metrics.find((m) => m.name === name)?.calendar;
  return {
    tenant: tenantId,
    ticketId,
    customer: customerOf(fields),
    status: t.status,
    priority,
    responseTime: countedOn(calendarOf("response"), openedAt, t.firstPublicAgentReplyAt),
    resolutionTime: countedOn(calendarOf("resolution"), openedAt, t.resolvedAt),
    minutesBillable: t.minutesBillable,
    minutesUnbilled: t.minutesUnbilled,
    outcomes,
  };
};
