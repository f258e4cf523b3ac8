/**
 * A simulation report as text: the window, then one table per part — the metrics, breaches by
 * priority, the ladder's steps — and a line for the timers and the refusals. Columns are
 * padded to their widest cell, so the tables line up in a terminal and in a CI log.
 */
import { showInstant } from "../time/display.js";
import type { SimulationReport } from "./report.js";

export const percent = (x: number | null): string => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export const columns = (rows: readonly (readonly string[])[]): string => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
};

/** The report as text: the window, then a table per part. */
export const formatReport = (r: Omit<SimulationReport, "table">): string => {
  const head = `policy ${r.policyId}: ${r.tickets} tickets opened ${showInstant(r.from, r.zone)} … ${showInstant(r.to, r.zone)}`;
  const metrics = columns([
    ["metric", "tickets", "met", "breached", "open", "attainment"],
    ...r.metrics.map((m) => [
      m.metric,
      `${m.tickets}`,
      `${m.met}`,
      `${m.breached}`,
      `${m.open}`,
      percent(m.attainment),
    ]),
  ]);
  const names = r.metrics.map((m) => m.metric);
  const priorities = columns([
    ["breached, by priority", "tickets", ...names],
    ...r.breachesByPriority.map((p) => [p.priority, `${p.tickets}`, ...names.map((m) => `${p.breached[m] ?? 0}`)]),
  ]);
  const ladder =
    r.escalations.length === 0
      ? "escalations: none fired"
      : columns([
          ["escalation step", "level", "metric", "fired", "tickets"],
          ...r.escalations.map((s) => [`#${s.step}`, `${s.level}`, s.metric, `${s.fired}`, `${s.tickets}`]),
        ]);
  const timers = `timers: ${r.warnings} warnings, ${r.autoCloses} automatic closes, ${r.downgrades} downgrades`;
  const refused = Object.entries(r.refused);
  const refusals = refused.length === 0 ? "" : `\nrefused: ${refused.map(([code, n]) => `${code} ×${n}`).join(", ")}`;
  return `${head}\n\n${metrics}\n\n${priorities}\n\n${ladder}\n${timers}${refusals}`;
};
