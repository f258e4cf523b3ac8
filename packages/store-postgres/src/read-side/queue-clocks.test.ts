/**
 * The stored form of a clock reading: what the projection writes reads back the same (a
 * deadline that never comes included, which JSON cannot hold as a number), fields in the core's
 * order; anything else is refused with the path of the bad value.
 */
import type { MetricStatus } from "@ticketfold/core";
import { expect, it } from "vitest";
import { decodeQueueClocksRow, StoredReadingsC } from "./queue-clocks.js";

const paused: MetricStatus = {
  metric: "resolution",
  cycle: 2,
  state: "paused",
  clock: "paused",
  priority: "high",
  target: 14_400_000,
  startedAt: 1_740_988_800_000,
  elapsed: 600_000,
  remaining: 13_800_000,
  // A calendar with no open time left: the deadline never comes.
  deadline: Number.POSITIVE_INFINITY,
  percent: 4.166666666666667,
  breachedAt: null,
  stoppedAt: null,
  calendar: { id: "office", version: 3 },
};

/** As jsonb gives it back: keys in an order of its own. */
const shuffled = (u: unknown): unknown =>
  JSON.parse(JSON.stringify(u), (_k, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
      : v,
  );

it("a reading written as JSON reads back the same, an unending deadline and the core's field order included", () => {
  const stored = shuffled(StoredReadingsC.encode([paused]));
  expect(JSON.stringify(stored)).toContain('"deadline":"Infinity"');
  const row = decodeQueueClocksRow({ policy_id: "p", policy_version: 1, read_ms: 1_740_990_000_000, readings: stored });
  if (row._tag === "Left") throw new Error(row.left.message);
  expect(row.right.readings).toEqual([paused]);
  expect(JSON.stringify(row.right.readings[0])).toBe(JSON.stringify(paused));
});

it.each<[string, unknown, RegExp]>([
  ["a number as other text", { ...paused, deadline: "soon" }, /readings\[0\]\.deadline: expected a number, got "soon"/],
  ["an unknown metric", { ...paused, metric: "nope" }, /readings\[0\]\.metric/],
  ["a missing calendar", { ...paused, calendar: undefined }, /readings\[0\]\.calendar/],
])("%s is refused with its path", (_name, reading, message) => {
  const row = decodeQueueClocksRow({ policy_id: "p", policy_version: null, read_ms: 0, readings: [reading] });
  expect(row._tag).toBe("Left");
  if (row._tag === "Left") expect(row.left.message).toMatch(message);
});
