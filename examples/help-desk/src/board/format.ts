/** Durations, instants and SLA colours as the board shows them. */

export interface MetricSummary {
  readonly metric: string;
  readonly cycle: number;
  readonly state: "running" | "paused" | "met" | "breached";
  readonly clock: "running" | "paused" | "stopped";
  readonly target: number;
  readonly deadline: number;
  readonly remaining: number;
  readonly breachedAt: number | null;
  readonly stoppedAt: number | null;
}

export const METRICS = ["response", "plan", "next-reply", "resolution"] as const;

/** `2d 3h`, `3h 05m`, `12m 09s`. */
export const duration = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${two(m)}m`;
  return `${m}m ${two(sec)}s`;
};

export type Tone = "ok" | "warn" | "breach" | "paused" | "done";

export interface Countdown {
  readonly tone: Tone;
  readonly text: string;
  readonly title: string;
}

const at = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z").replace("T", " ");

/**
 * A metric's countdown at `now`: red once breached (or its deadline has passed), amber from
 * the policy's warning on (the share of the target used at the last fetch, or the wall time
 * left), grey while paused, muted once met.
 */
export const countdown = (m: MetricSummary, now: number, warnPercent: number | undefined): Countdown => {
  if (m.state === "met") return { tone: "done", text: "met", title: `${m.metric}: met` };
  if (m.clock === "stopped" && m.state !== "breached")
    return { tone: "done", text: "stopped", title: `${m.metric}: stopped` };
  const overdue = m.state === "breached" || (m.clock === "running" && now >= m.deadline);
  if (overdue) {
    const since = m.breachedAt ?? m.deadline;
    return {
      tone: "breach",
      text: `breached ${duration(now - since)} ago`,
      title: `${m.metric}: deadline ${at(m.deadline)} passed`,
    };
  }
  if (m.clock === "paused")
    return { tone: "paused", text: `paused · ${duration(m.remaining)} left`, title: `${m.metric}: clock paused` };
  const left = m.deadline - now;
  const warn =
    warnPercent !== undefined &&
    (((m.target - m.remaining) / m.target) * 100 >= warnPercent || left <= m.target * (1 - warnPercent / 100));
  return {
    tone: warn ? "warn" : "ok",
    text: duration(left),
    title: `${m.metric}: due ${at(m.deadline)}${warn ? ` (past the ${warnPercent}% warning)` : ""}`,
  };
};

export const when = (ms: number, timeZone = "UTC"): string =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(ms);

export const metricLabel: Record<string, string> = {
  response: "Response",
  plan: "Plan",
  "next-reply": "Next reply",
  resolution: "Resolution",
};
