/**
 * "Why is this due then?": the core's `explainSla` for each metric, drawn as a bar of the
 * clock's periods (counted, paused, out of hours; projected ones faded) with the deadline, the
 * re-targets, the holidays skipped, and the policy and calendar versions it counted on.
 */
import { duration, metricLabel, when } from "./format.js";

export interface Period {
  readonly from: number;
  readonly to: number;
  readonly kind: "counted" | "paused" | "out-of-hours";
  readonly status: string;
  readonly counted: number;
  readonly projected: boolean;
  readonly holidays?: readonly { readonly date: string; readonly name: string }[];
}

export interface Explanation {
  readonly metric: string;
  readonly policy: { readonly id: string; readonly version: number | null };
  readonly calendar: {
    readonly id: string;
    readonly version: number;
    readonly name: string;
    readonly timeZone: string;
  };
  readonly target: number;
  readonly startedAt: number;
  readonly deadline: number;
  readonly periods: readonly Period[];
  readonly holidaysSkipped: readonly { readonly date: string; readonly name: string }[];
  readonly retargets: readonly {
    readonly at: number;
    readonly from: string;
    readonly to: string;
    readonly effect: string;
  }[];
  readonly summary: string;
}

const Bar = ({ e, now }: { e: Explanation; now: number }) => {
  const first = e.periods[0]?.from ?? e.startedAt;
  const last = Math.max(e.periods.at(-1)?.to ?? e.deadline, e.deadline);
  const span = Math.max(1, last - first);
  const pct = (at: number) => `${(((at - first) / span) * 100).toFixed(3)}%`;
  return (
    <div class="xbar" role="img" aria-label={e.summary}>
      {e.periods.map((p) => (
        <span
          class={`xp ${p.kind}${p.projected ? " projected" : ""}`}
          style={{ left: pct(p.from), width: `${(((p.to - p.from) / span) * 100).toFixed(3)}%` }}
          title={`${p.kind}${p.projected ? " (projected)" : ""}: ${when(p.from, e.calendar.timeZone)} – ${when(p.to, e.calendar.timeZone)}${p.kind === "counted" ? ` · ${duration(p.counted)}` : ""}${p.holidays?.length ? ` · ${p.holidays.map((h) => h.name).join(", ")}` : ""}`}
        />
      ))}
      {now >= first && now <= last && <span class="xnow" style={{ left: pct(now) }} title="now" />}
      <span
        class="xdeadline"
        style={{ left: pct(e.deadline) }}
        title={`deadline ${when(e.deadline, e.calendar.timeZone)}`}
      />
    </div>
  );
};

export const SlaExplain = ({ explanations, now }: { explanations: readonly Explanation[]; now: number }) => (
  <details class="explain" data-testid="sla-explain">
    <summary>Why is it due then?</summary>
    {explanations.map((e) => (
      <div class="xmetric" data-metric={e.metric}>
        <div class="xhead">
          <b>{metricLabel[e.metric] ?? e.metric}</b> · target {duration(e.target)} on {e.calendar.name} ({e.calendar.id}{" "}
          v{e.calendar.version}, {e.calendar.timeZone}) · policy {e.policy.id}
          {e.policy.version === null ? "" : ` v${e.policy.version}`}
        </div>
        <Bar e={e} now={now} />
        <p class="small">{e.summary}</p>
        {e.retargets.length > 0 && (
          <p class="small">
            Re-targets:{" "}
            {e.retargets.map((r) => `${when(r.at, e.calendar.timeZone)} ${r.from} → ${r.to} (${r.effect})`).join("; ")}
          </p>
        )}
        {e.holidaysSkipped.length > 0 && (
          <p class="small">Holidays skipped: {e.holidaysSkipped.map((h) => `${h.date} ${h.name}`).join(", ")}</p>
        )}
      </div>
    ))}
    <p class="legend small">
      <span class="xp counted" /> counted <span class="xp paused" /> paused <span class="xp out-of-hours" /> out of
      hours <span class="xp counted projected" /> projected <span class="xdeadline-key" /> deadline
    </p>
  </details>
);
