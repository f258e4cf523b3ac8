/**
 * `comparePolicies(a, b, workload, window)`: the same workload under two policies — the one a
 * desk runs and the one it considers — with each report and what changes: attainment and
 * breaches per metric, escalations, automatic closes, refusals. Tickets and people's acts are
 * the same on both sides; only the policy differs.
 */
import type { MetricName, Policy } from "@ticketfold/core";
import type { SimulationReport } from "./report.js";
import { columns, percent } from "./report-table.js";
import { type SimulationWindow, simulatePolicy } from "./simulate.js";
import type { Workload } from "./workload.js";

export interface MetricChange {
  readonly metric: MetricName;
  readonly attainment: readonly [a: number | null, b: number | null];
  readonly breached: readonly [a: number, b: number];
}

export interface PolicyComparison {
  readonly a: SimulationReport;
  readonly b: SimulationReport;
  readonly metrics: readonly MetricChange[];
  readonly escalationsFired: readonly [a: number, b: number];
  readonly autoCloses: readonly [a: number, b: number];
  readonly refused: readonly [a: number, b: number];
  /** Both reports and the changes, as text. */
  readonly table: string;
}

const points = (a: number | null, b: number | null): string =>
  a === null || b === null ? "–" : `${b >= a ? "+" : ""}${((b - a) * 100).toFixed(1)} pt`;
const signed = (a: number, b: number): string => `${b >= a ? "+" : ""}${b - a}`;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export const comparePolicies = (
  a: Policy,
  b: Policy,
  workload: Workload,
  window: SimulationWindow,
): PolicyComparison => {
  const [ra, rb] = [simulatePolicy(a, workload, window), simulatePolicy(b, workload, window)];
  const names = [...new Set([...ra.metrics, ...rb.metrics].map((m) => m.metric))];
  const metrics = names.map((metric) => {
    const [x, y] = [ra.metrics.find((m) => m.metric === metric), rb.metrics.find((m) => m.metric === metric)];
    return {
      metric,
      attainment: [x?.attainment ?? null, y?.attainment ?? null] as const,
      breached: [x?.breached ?? 0, y?.breached ?? 0] as const,
    };
  });
  const fired = (r: SimulationReport) => sum(r.escalations.map((s) => s.fired));
  const refusals = (r: SimulationReport) => sum(Object.values(r.refused));
  const comparison = {
    a: ra,
    b: rb,
    metrics,
    escalationsFired: [fired(ra), fired(rb)] as const,
    autoCloses: [ra.autoCloses, rb.autoCloses] as const,
    refused: [refusals(ra), refusals(rb)] as const,
  };
  const changes = columns([
    ["", ra.policyId, rb.policyId, "change"],
    ...metrics.flatMap((m) => [
      [`${m.metric} attainment`, percent(m.attainment[0]), percent(m.attainment[1]), points(...m.attainment)],
      [`${m.metric} breached`, `${m.breached[0]}`, `${m.breached[1]}`, signed(...m.breached)],
    ]),
    [
      "escalations fired",
      `${comparison.escalationsFired[0]}`,
      `${comparison.escalationsFired[1]}`,
      signed(...comparison.escalationsFired),
    ],
    ["automatic closes", `${ra.autoCloses}`, `${rb.autoCloses}`, signed(ra.autoCloses, rb.autoCloses)],
    ["commands refused", `${comparison.refused[0]}`, `${comparison.refused[1]}`, signed(...comparison.refused)],
  ]);
  return { ...comparison, table: `${changes}\n\n— ${ra.policyId} —\n${ra.table}\n\n— ${rb.policyId} —\n${rb.table}` };
};
