/**
 * What a simulation reports, as data and as a table a person reads: per metric how many
 * tickets had the clock, how many met it, breached it, or were still open at the end, and the
 * attainment (met ÷ decided); breaches per priority; each ladder step fired; the warnings,
 * automatic closes and downgrades the timers made; and the commands the policy refused (a
 * stricter policy refusing what people did).
 */
import type { Instant, MetricName, Policy } from "@ticketfold/core";
import { displayZoneOf } from "../sla-spec/zone.js";
import type { TicketRun } from "../ticket-run/run.js";
import { formatReport } from "./report-table.js";

export interface MetricOutcome {
  readonly metric: MetricName;
  /** Tickets with this clock. */
  readonly tickets: number;
  readonly met: number;
  readonly breached: number;
  /** Still running or paused at the end of the window. */
  readonly open: number;
  /** met ÷ (met + breached), or null when none is decided. */
  readonly attainment: number | null;
}

export interface PriorityBreaches {
  readonly priority: string;
  readonly tickets: number;
  /** Breached tickets per metric. */
  readonly breached: { readonly [K in MetricName]?: number };
}

export interface StepFired {
  readonly step: number;
  readonly level: number;
  readonly metric: MetricName;
  /** How often the step fired. */
  readonly fired: number;
  /** On how many tickets. */
  readonly tickets: number;
}

export interface SimulationReport {
  readonly policyId: string;
  /** The zone the table shows instants in (the policy's business calendar's). */
  readonly zone: string;
  readonly from: Instant;
  readonly to: Instant;
  readonly tickets: number;
  readonly metrics: readonly MetricOutcome[];
  readonly breachesByPriority: readonly PriorityBreaches[];
  readonly escalations: readonly StepFired[];
  /** Tickets whose highest ladder level was this, by level (0: never escalated). */
  readonly escalationLevels: { readonly [level: number]: number };
  readonly warnings: number;
  readonly autoCloses: number;
  readonly downgrades: number;
  /** Commands the policy refused, by error code. */
  readonly refused: { readonly [code: string]: number };
  /** The report as a table. */
  readonly table: string;
}

const METRICS: readonly MetricName[] = ["response", "plan", "resolution", "next-reply"];

/** Reads the outcome of every ticket at `to`. */
export const summarise = (policy: Policy, runs: readonly TicketRun[], from: Instant, to: Instant): SimulationReport => {
  const metrics: MetricOutcome[] = [];
  const byPriority = new Map<string, { tickets: number; breached: Partial<Record<MetricName, number>> }>();
  for (const level of policy.priorities.levels) byPriority.set(level.id, { tickets: 0, breached: {} });
  const statuses = runs.map((r) => r.engine.slaStatus(r.state, r.compiled, to));
  for (const [i, run] of runs.entries()) {
    const p = run.state.priority ?? "none";
    const row = byPriority.get(p) ?? { tickets: 0, breached: {} };
    row.tickets++;
    for (const [m, s] of Object.entries(statuses[i] ?? {}))
      if (s?.state === "breached") row.breached[m as MetricName] = (row.breached[m as MetricName] ?? 0) + 1;
    byPriority.set(p, row);
  }
  for (const metric of METRICS) {
    const all = statuses.flatMap((s) => (s[metric] ? [s[metric]] : []));
    if (all.length === 0) continue;
    const met = all.filter((s) => s.state === "met").length;
    const breached = all.filter((s) => s.state === "breached").length;
    metrics.push({
      metric,
      tickets: all.length,
      met,
      breached,
      open: all.length - met - breached,
      attainment: met + breached === 0 ? null : met / (met + breached),
    });
  }
  const events = runs.flatMap((r) => r.events);
  const steps = new Map<number, StepFired & { ids: Set<string> }>();
  const levels: Record<number, number> = {};
  for (const run of runs) levels[run.state.escalationLevel] = (levels[run.state.escalationLevel] ?? 0) + 1;
  for (const e of events) {
    if (e.type !== "escalation-level-reached") continue;
    const s = steps.get(e.data.step) ?? {
      step: e.data.step,
      level: e.data.level,
      metric: e.data.metric,
      fired: 0,
      tickets: 0,
      ids: new Set(),
    };
    s.ids.add(e.ticketId);
    steps.set(e.data.step, { ...s, fired: s.fired + 1, tickets: s.ids.size });
  }
  const refused: Record<string, number> = {};
  for (const entry of runs.flatMap((r) => r.entries))
    if (entry.error) refused[entry.error.code] = (refused[entry.error.code] ?? 0) + 1;
  const report = {
    policyId: policy.id,
    zone: displayZoneOf(policy),
    from,
    to,
    tickets: runs.length,
    metrics,
    breachesByPriority: [...byPriority.entries()].map(([priority, r]) => ({
      priority,
      tickets: r.tickets,
      breached: r.breached,
    })),
    escalations: [...steps.values()].sort((a, b) => a.step - b.step).map(({ ids: _, ...s }) => s),
    escalationLevels: levels,
    warnings: events.filter((e) => e.type === "sla-warning-issued").length,
    autoCloses: events.filter((e) => e.type === "closed" && e.data.by === "system").length,
    downgrades: events.filter((e) => e.type === "prioritised" && e.data.cause === "customer-silence").length,
    refused,
  };
  return { ...report, table: formatReport(report) };
};
