/** A row of SLA countdowns, one chip per metric, coloured by its state. */
import { countdown, METRICS, type MetricSummary, metricLabel } from "./format.js";

export const SlaChips = ({
  sla,
  warnings,
  now,
  large,
}: {
  sla: Readonly<Record<string, MetricSummary>>;
  warnings: Readonly<Record<string, number>>;
  now: number;
  large?: boolean;
}) => (
  <div class={large ? "chips large" : "chips"}>
    {METRICS.filter((m) => sla[m] !== undefined).map((m) => {
      const c = countdown(sla[m] as MetricSummary, now, warnings[m]);
      return (
        <span class={`chip ${c.tone}`} title={c.title} data-testid={`sla-${m}`} data-tone={c.tone}>
          <b>{metricLabel[m]}</b> {c.text}
        </span>
      );
    })}
  </div>
);
