/**
 * Statistics per tenant and customer, as an immutable value and a pure reducer. The reducer
 * withdraws the facts of the ticket's state before the event and adds those after it, so the
 * statistics always equal the sum of the facts (ticket-facts.ts) of every ticket's current
 * state: replaying, batching or re-running events gives equal results. Zero counts and empty
 * groups are dropped, so equal statistics are equal values.
 */

import type { CompiledPolicy } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { TicketEvent, TicketEventType } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { addSample, removeSample } from "./durations.js";
import { type MetricOutcome, type TicketFacts, ticketFacts } from "./ticket-facts.js";

export interface AttainmentRow {
  readonly metric: MetricOutcome["metric"];
  readonly priority: string;
  /** UTC month of the stops, `YYYY-MM`. */
  readonly month: string;
  readonly met: number;
  readonly breached: number;
}

export interface CustomerStatistics {
  readonly tenant: string;
  /** `contract:<id>`, `organisation:<name>` or `none` (see customerOf). */
  readonly customer: string;
  readonly tickets: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byPriority: Readonly<Record<string, number>>;
  /** Sorted by metric, priority, month. */
  readonly attainment: readonly AttainmentRow[];
  /** Sorted samples (milliseconds); summarise with summariseDurations. */
  readonly responseTimes: readonly Duration[];
  readonly resolutionTimes: readonly Duration[];
  readonly minutesBillable: number;
  readonly minutesUnbilled: number;
}

export interface Statistics {
  /** Keyed by `<tenant>/<customer>`. */
  readonly groups: Readonly<Record<string, CustomerStatistics>>;
}

export const emptyStatistics: Statistics = { groups: {} };

const bump = (counts: Readonly<Record<string, number>>, key: string, by: number): Record<string, number> => {
  const next = { ...counts, [key]: (counts[key] ?? 0) + by };
  if (next[key] === 0) delete next[key];
  return next;
};

const rowOrder = (a: AttainmentRow | MetricOutcome, b: AttainmentRow | MetricOutcome): number =>
  a.metric < b.metric
    ? -1
    : a.metric > b.metric
      ? 1
      : a.priority < b.priority
        ? -1
        : a.priority > b.priority
          ? 1
          : a.month < b.month
            ? -1
            : a.month > b.month
              ? 1
              : 0;

const countOutcome = (rows: readonly AttainmentRow[], o: MetricOutcome, by: number): readonly AttainmentRow[] => {
  const i = rows.findIndex((r) => rowOrder(r, o) >= 0);
  const hit = i >= 0 && rowOrder(rows[i]!, o) === 0 ? rows[i]! : undefined;
  const base = hit ?? { metric: o.metric, priority: o.priority, month: o.month, met: 0, breached: 0 };
  const row = { ...base, [o.outcome]: base[o.outcome] + by };
  const at = i < 0 ? rows.length : i;
  const keep = row.met !== 0 || row.breached !== 0 ? [row] : [];
  return [...rows.slice(0, at), ...keep, ...rows.slice(hit ? at + 1 : at)];
};

const emptyGroup = (tenant: string, customer: string): CustomerStatistics => ({
  tenant,
  customer,
  tickets: 0,
  byStatus: {},
  byPriority: {},
  attainment: [],
  responseTimes: [],
  resolutionTimes: [],
  minutesBillable: 0,
  minutesUnbilled: 0,
});

/** Adds (sign 1) or withdraws (sign -1) one ticket's facts. */
export const applyFacts = (stats: Statistics, f: TicketFacts, sign: 1 | -1): Statistics => {
  const key = `${f.tenant}/${f.customer}`;
  const g = stats.groups[key] ?? emptyGroup(f.tenant, f.customer);
  const sample = sign === 1 ? addSample : removeSample;
  let attainment = g.attainment;
  for (const o of f.outcomes) attainment = countOutcome(attainment, o, sign);
  const next: CustomerStatistics = {
    ...g,
    tickets: g.tickets + sign,
    byStatus: bump(g.byStatus, f.status, sign),
    byPriority: bump(g.byPriority, f.priority, sign),
    attainment,
    responseTimes: f.responseTime === null ? g.responseTimes : sample(g.responseTimes, f.responseTime),
    resolutionTimes: f.resolutionTime === null ? g.resolutionTimes : sample(g.resolutionTimes, f.resolutionTime),
    minutesBillable: g.minutesBillable + sign * f.minutesBillable,
    minutesUnbilled: g.minutesUnbilled + sign * f.minutesUnbilled,
  };
  const groups = { ...stats.groups, [key]: next };
  if (next.tickets === 0) delete groups[key];
  return { groups };
};

/** Events that change nothing the facts read (status, priority, clocks, times, minutes, ratings). */
export const NO_FACTS: ReadonlySet<TicketEventType> = new Set<TicketEventType>([
  "assigned",
  "escalation-requested",
  "change-approved",
  "change-rejected",
  "session-scheduled",
  "sla-warning-issued",
  "sla-breached",
  "ola-breached",
  "escalation-level-reached",
]);

/** The policy of each side of a step: they differ only for a `policy-changed` event. */
export type StepPolicies = CompiledPolicy | { readonly before: CompiledPolicy; readonly after: CompiledPolicy };

/**
 * Replaces a ticket's contribution: withdraws the facts of `before` and adds those of `after`.
 * `after` may be several events past `before` (a store folding a batch per ticket): the result
 * is the same as reducing each event in turn.
 */
export const restateTicket = (
  stats: Statistics,
  before: TicketState,
  after: TicketState,
  policy: StepPolicies,
): Statistics => {
  const [pb, pa] = "metrics" in policy ? [policy, policy] : [policy.before, policy.after];
  const was = ticketFacts(before, pb);
  const now = ticketFacts(after, pa);
  const withdrawn = was === null ? stats : applyFacts(stats, was, -1);
  return now === null ? withdrawn : applyFacts(withdrawn, now, 1);
};

/** The pure reducer: statistics after `event` took a ticket from `before` to `after`. */
export const reduceStatistics = (
  stats: Statistics,
  event: TicketEvent,
  before: TicketState,
  after: TicketState,
  policy: StepPolicies,
): Statistics => (NO_FACTS.has(event.type) ? stats : restateTicket(stats, before, after, policy));

/** The statistics of one tenant's customer (undefined when it has no tickets). */
export const customerStatistics = (
  stats: Statistics,
  tenant: string,
  customer: string,
): CustomerStatistics | undefined => stats.groups[`${tenant}/${customer}`];

/** All groups of a tenant, sorted by customer. */
export const tenantStatistics = (stats: Statistics, tenant: string): CustomerStatistics[] =>
  Object.values(stats.groups)
    .filter((g) => g.tenant === tenant)
    .sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
