/**
 * The SLA report: response, plan, resolution and next-reply durations per period, taken from
 * the SLA's own readings (ticket-facts.ts: each stopped cycle's counted time at its stop), so
 * a ticket `met` at 50 business minutes is reported at 50 minutes, never at a wall-clock or
 * pause-including figure. Each row has met/breached counts and the nearest-rank p50/p90/p95/p99
 * (durations.ts); the breached list names each breached cycle with its deadline, when it was
 * breached and by how much (counted time past the target). Periods are the civil day, ISO week
 * or month of the stop, in the ticket's policy time zone (report-periods.ts).
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "../ticket/events.js";
import { type DurationSummary, summariseDurations } from "./durations.js";
import { periodOf, type ReportPeriod } from "./report-periods.js";
import type { TicketFacts } from "./ticket-facts.js";

export interface ReportQuery {
  readonly tenant: string;
  /** Only this customer (`contract:<id>`, `organisation:<name>` or `none`). */
  readonly customer?: string;
  readonly period: ReportPeriod;
  /** Only what happened in [from, to) (instants; both optional). */
  readonly from?: Instant;
  readonly to?: Instant;
}

export interface SlaReportRow {
  readonly metric: MetricName;
  readonly period: string;
  readonly met: number;
  readonly breached: number;
  /** The SLA's counted time of each stopped cycle (milliseconds). */
  readonly durations: DurationSummary;
}

export interface BreachedCycle {
  readonly ticketId: string;
  readonly customer: string;
  readonly metric: MetricName;
  readonly cycle: number;
  readonly priority: string;
  readonly period: string;
  readonly target: Duration;
  readonly deadline: Instant;
  readonly breachedAt: Instant;
  readonly stoppedAt: Instant;
  /** Counted time past the target at the stop. */
  readonly over: Duration;
}

export interface SlaReport {
  /** Sorted by metric, then period. */
  readonly rows: readonly SlaReportRow[];
  /** Sorted by breach instant, then ticket, metric and cycle. */
  readonly breached: readonly BreachedCycle[];
}

/** The facts a query selects (tenant and customer). */
export const selectFacts = (facts: Iterable<TicketFacts>, q: ReportQuery): TicketFacts[] => {
  const out: TicketFacts[] = [];
  for (const f of facts)
    if (f.tenant === q.tenant && (q.customer === undefined || f.customer === q.customer)) out.push(f);
  return out;
};

/** Is `at` inside the query's [from, to)? */
export const inRange = (q: ReportQuery, at: Instant): boolean =>
  (q.from === undefined || at >= q.from) && (q.to === undefined || at < q.to);

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

interface Bucket {
  met: number;
  breached: number;
  samples: Duration[];
}

/** The SLA report of the tickets a query selects. */
export const slaReport = (facts: Iterable<TicketFacts>, q: ReportQuery): SlaReport => {
  const buckets = new Map<string, { metric: MetricName; period: string; b: Bucket }>();
  const breached: BreachedCycle[] = [];
  for (const f of selectFacts(facts, q)) {
    for (const o of f.outcomes) {
      if (!inRange(q, o.stoppedAt)) continue;
      const period = periodOf(o.stoppedAt, f.timeZone, q.period);
      const key = `${o.metric}\u0000${period}`;
      const entry = buckets.get(key) ?? { metric: o.metric, period, b: { met: 0, breached: 0, samples: [] } };
      entry.b[o.outcome] += 1;
      entry.b.samples.push(o.elapsed);
      buckets.set(key, entry);
      if (o.outcome === "breached" && o.breachedAt !== null) {
        breached.push({
          ticketId: f.ticketId,
          customer: f.customer,
          metric: o.metric,
          cycle: o.cycle,
          priority: o.priority,
          period,
          target: o.target,
          deadline: o.deadline,
          breachedAt: o.breachedAt,
          stoppedAt: o.stoppedAt,
          over: o.elapsed - o.target,
        });
      }
    }
  }
  const rows = [...buckets.values()]
    .map(({ metric, period, b }) => ({
      metric,
      period,
      met: b.met,
      breached: b.breached,
      durations: summariseDurations(b.samples.sort((x, y) => x - y)),
    }))
    .sort((a, b) => compare(a.metric, b.metric) || compare(a.period, b.period));
  breached.sort(
    (a, b) =>
      compare(a.breachedAt, b.breachedAt) ||
      compare(a.ticketId, b.ticketId) ||
      compare(a.metric, b.metric) ||
      compare(a.cycle, b.cycle),
  );
  return { rows, breached };
};
