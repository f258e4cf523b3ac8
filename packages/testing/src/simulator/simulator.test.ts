/**
 * The simulator: the same seed gives the same week; arrivals follow the rates; a report counts
 * exactly what the engine says of each ticket (checked against a hand-made week of P-E-like
 * tickets and against the scenario kit); a recorded log replays as the commands people gave;
 * and two policies compared on one workload differ only by the policy.
 */
import { DAY, decodePolicy, HOUR, type Policy, type RecordedEvent, toNewEvent } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { at, given, timersUntil } from "../sla-spec/index.js";
import { instant } from "../time/when.js";
import { comparePolicies } from "./compare.js";
import { recordedWorkload } from "./recorded.js";
import { simulatePolicy } from "./simulate.js";
import { officeArrivals } from "./synthetic.js";
import { syntheticWorkload } from "./workload.js";

const week = [["09:00", "18:00"]];
const deskJson = (id: string, response: string, resolution: string) => ({
  id,
  name: `desk ${id}`,
  priorities: {
    levels: [
      { id: "high", name: "High" },
      { id: "low", name: "Low" },
    ],
    default: "low",
  },
  calendars: {
    hours: {
      id: "hours",
      version: 1,
      timeZone: "UTC",
      week: { mon: week, tue: week, wed: week, thu: week, fri: week },
    },
  },
  sla: {
    metrics: {
      response: {
        calendar: "hours",
        targets: { high: response, low: "4h" },
        stopOn: ["accepted", "awaiting-customer"],
      },
      resolution: { calendar: "hours", targets: { high: resolution, low: "3d" } },
    },
    ladder: [{ metric: "resolution", multiple: 1, level: 1, roles: ["head-of-support"] }],
    timers: { autoCloseResolved: { after: "2d" } },
  },
});
const policy = (json: unknown): Policy => {
  const d = decodePolicy(json);
  if (d._tag === "Left") throw new Error(d.left.message);
  return d.right;
};
const today = policy(deskJson("today", "1h", "8h"));
const stricter = policy(deskJson("stricter", "30m", "4h"));
const WEEK = { from: "2025-03-03T00:00Z", to: "2025-03-10T00:00Z" } as const;

describe("synthetic workloads", () => {
  const workload = syntheticWorkload({ seed: 42, arrivals: officeArrivals(2), priorities: { high: 1, low: 3 } });

  it("the same seed gives the same week, another seed another", () => {
    expect(simulatePolicy(today, workload, WEEK)).toEqual(simulatePolicy(today, workload, WEEK));
    expect(simulatePolicy(today, { ...workload, seed: 43 }, WEEK).table).not.toBe(
      simulatePolicy(today, workload, WEEK).table,
    );
  });

  it("a week of office arrivals is about 27 tickets a weekday and 2 a weekend day", () => {
    // Expected: 5 × (10 h × 2 + 2 h × 2 + 14 h × 0.2) + 2 × 24 h × 0.1 = 138.8 tickets.
    const counts = [1, 2, 3, 4, 5].map((seed) => simulatePolicy(today, { ...workload, seed }, WEEK).tickets);
    const mean = counts.reduce((s, n) => s + n, 0) / counts.length;
    expect(mean).toBeGreaterThan(120);
    expect(mean).toBeLessThan(160);
  });

  it("every ticket gets a clock, and every decided outcome is counted once", () => {
    const r = simulatePolicy(today, workload, WEEK);
    for (const m of r.metrics) {
      expect(m.tickets).toBe(r.tickets);
      expect(m.met + m.breached + m.open).toBe(m.tickets);
    }
    expect(r.breachesByPriority.reduce((s, p) => s + p.tickets, 0)).toBe(r.tickets);
    expect(r.refused).toEqual({});
  });
});

describe("a report counts what the engine says of each ticket", () => {
  // Three tickets, told with the scenario kit: answered in time; answered late; never answered.
  const inTime = given(today)
    .opened({ at: "2025-03-03T09:00Z", priority: "high" })
    .then(at("2025-03-03T09:30Z").accept())
    .then(at("2025-03-03T12:00Z").resolve());
  const late = given(today, { ticketId: "01HS0000000000000000000001" })
    .opened({ at: "2025-03-03T10:00Z", priority: "high" })
    .then(at("2025-03-03T12:00Z").accept());
  const never = given(today, { ticketId: "01HS0000000000000000000002" }).opened({
    at: "2025-03-04T09:00Z",
    priority: "low",
  });
  const log = [inTime, late, never].flatMap((s) => s.events);

  it("recordedWorkload keeps what people did and leaves out what the timers did", () => {
    const withTimers = late.then(timersUntil("2025-03-10T00:00Z"));
    expect(withTimers.events.some((e) => e.type === "sla-breached")).toBe(true);
    const commands = recordedWorkload(withTimers.events).commands;
    expect(commands.map((c) => [c.type, c.at])).toEqual([
      ["open", instant("2025-03-03T10:00Z")],
      ["accept", instant("2025-03-03T12:00Z")],
    ]);
  });

  it("attainment, breaches by priority and escalations, exactly", () => {
    const r = simulatePolicy(today, recordedWorkload(log), WEEK);
    expect(r.tickets).toBe(3);
    expect(r.metrics).toEqual([
      { metric: "response", tickets: 3, met: 1, breached: 2, open: 0, attainment: 1 / 3 },
      { metric: "resolution", tickets: 3, met: 1, breached: 1, open: 1, attainment: 1 / 2 },
    ]);
    expect(r.breachesByPriority).toEqual([
      { priority: "high", tickets: 2, breached: { response: 1, resolution: 1 } },
      { priority: "low", tickets: 1, breached: { response: 1 } },
    ]);
    // The late ticket's 8 h of resolution run out Mon 18:00 + Tue 08:00 → Tue 17:00.
    expect(r.escalations).toEqual([{ step: 0, level: 1, metric: "resolution", fired: 1, tickets: 1 }]);
    expect(r.autoCloses).toBe(1);
    expect(r.table).toMatch(/\nresponse +3 +1 +2 +0 +33\.3%\n/);
  });

  it("a recorded log (readAll's RecordedEvents) replays like the events themselves", () => {
    const recorded: RecordedEvent[] = log.map((e, i) => ({
      ...toNewEvent(e),
      eventId: `e${i}`,
      tenantId: e.tenantId,
      streamId: e.ticketId,
      version: i + 1,
      position: String(i),
      recordedAt: e.at,
    }));
    expect(simulatePolicy(today, recordedWorkload(recorded), WEEK)).toEqual(
      simulatePolicy(today, recordedWorkload(log), WEEK),
    );
  });

  it("the simulated tickets end as the scenario kit says they do", () => {
    const r = simulatePolicy(today, recordedWorkload(never.events), WEEK);
    const status = never.then(timersUntil(WEEK.to)).slaAt(WEEK.to);
    expect(r.metrics.map((m) => [m.metric, m.breached, m.open])).toEqual([
      ["response", status.response?.state === "breached" ? 1 : 0, 0],
      ["resolution", status.resolution?.state === "breached" ? 1 : 0, status.resolution?.state === "running" ? 1 : 0],
    ]);
  });
});

describe("comparePolicies", () => {
  const workload = syntheticWorkload({ seed: 7, priorities: { high: 1, low: 1 } });

  it("a stricter policy on the same week: never better attainment, at least as many breaches", () => {
    const c = comparePolicies(today, stricter, workload, WEEK);
    expect(c.a.tickets).toBe(c.b.tickets);
    for (const m of c.metrics) {
      expect(m.breached[1]).toBeGreaterThanOrEqual(m.breached[0]);
      expect(m.attainment[1] ?? 0).toBeLessThanOrEqual(m.attainment[0] ?? 0);
    }
    expect(c.table).toMatch(/^ +today +stricter +change\nresponse attainment/);
  });

  it("a policy compared with itself changes nothing", () => {
    const c = comparePolicies(today, today, workload, { ...WEEK, to: instant(WEEK.from) + 3 * DAY + 12 * HOUR });
    for (const m of c.metrics) expect(m.breached[0]).toBe(m.breached[1]);
    expect(c.a).toEqual(c.b);
  });
});
