/**
 * The board's countdown colours, as a table: green while there is time, amber from the policy's
 * warning (the share used at the last fetch, or the wall time left), red once breached or past
 * the deadline on a running clock, grey while paused, muted once met or stopped.
 */
import { describe, expect, it } from "vitest";
import { countdown, duration, type MetricSummary } from "./board/format.js";

const H = 3_600_000;
const M = 60_000;
const metric = (over: Partial<MetricSummary>): MetricSummary => ({
  metric: "response",
  cycle: 1,
  state: "running",
  clock: "running",
  target: 4 * H,
  deadline: 10 * H,
  remaining: 3 * H,
  breachedAt: null,
  stoppedAt: null,
  ...over,
});

describe("countdown", () => {
  it.each([
    ["time left, under the warning", metric({}), 7 * H, 75, "ok", "3h 00m"],
    ["the wall time left reaches the warning", metric({}), 9 * H, 75, "warn", "1h 00m"],
    ["the share used at the fetch is past the warning", metric({ remaining: 30 * M }), 7 * H, 75, "warn", "3h 00m"],
    ["no warning in the policy", metric({}), 9 * H + 50 * M, undefined, "ok", "10m 00s"],
    ["the deadline passes on a running clock", metric({}), 10 * H + 5 * M, 75, "breach", "breached 5m 00s ago"],
    [
      "recorded as breached",
      metric({ state: "breached", breachedAt: 8 * H }),
      9 * H,
      75,
      "breach",
      "breached 1h 00m ago",
    ],
    ["paused", metric({ clock: "paused", state: "paused" }), 11 * H, 75, "paused", "paused · 3h 00m left"],
    ["met", metric({ state: "met", clock: "stopped" }), 11 * H, 75, "done", "met"],
  ] as const)("%s", (_, m, now, warn, tone, text) => {
    const c = countdown(m, now, warn);
    expect(c.tone).toBe(tone);
    expect(c.text).toBe(text);
  });
});

describe("duration", () => {
  it.each([
    [0, "0m 00s"],
    [59_999, "0m 59s"],
    [61 * M, "1h 01m"],
    [26 * H, "1d 2h"],
    [-5, "0m 00s"],
  ])("%d ms is %s", (ms, text) => expect(duration(ms)).toBe(text));
});
