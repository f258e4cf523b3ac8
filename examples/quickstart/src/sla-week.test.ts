import { compiledPolicyOf, due, formatInstant, type TicketEvent } from "@ticketfold/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTimeline } from "./clock.js";
import type { WeekRun } from "./sla-week.js";
import { createStore } from "./store.js";
import type { TicketView } from "./ticket-view.js";
import { runSlaWeekDemo, type SlaWeekDemo } from "./week.js";
import { renderSlaWeek } from "./week-print.js";

let demo: SlaWeekDemo;
beforeAll(async () => {
  const timeline = createTimeline();
  const { store } = await createStore(timeline.now, [], { kind: "memory" });
  demo = await runSlaWeekDemo(store, timeline);
});

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => formatInstant(ms).replace(".000Z", "Z");

const finalView = (run: WeekRun, key: string): TicketView => {
  const view = run.ticks.at(-1)?.tickets.find((v) => v.key === key);
  if (view === undefined) throw new Error(`no ticket ${key} at the end of the run`);
  return view;
};

const eventsOf = (run: WeekRun, key: string, type: TicketEvent["type"]): TicketEvent[] =>
  finalView(run, key).loaded.events.filter((e) => e.type === type);

/** The time-driven events of the week, as instants and the facts they record. */
const byTime = (run: WeekRun, key: string): string[] =>
  finalView(run, key)
    .loaded.events.filter((e) => e.actor.kind === "system")
    .map((e) => {
      const d = e.data as Record<string, unknown>;
      const what =
        e.type === "sla-breached"
          ? `${d.metric} breached, deadline ${iso(d.deadline as number)}`
          : e.type === "escalation-level-reached"
            ? `level ${d.level}`
            : e.type === "prioritised"
              ? `priority ${d.from} → ${d.to}`
              : e.type === "closed"
                ? `closed ${d.reason}`
                : e.type;
      return `${iso(e.at)} ${what}`;
    });

describe("the SLA week with a worker that wakes at each nextWakeUp", () => {
  it.each([
    [
      "C1: P-C ladder, response and resolution breached",
      "C1",
      [
        "2025-03-03T09:30:00Z level 1",
        "2025-03-03T09:30:00Z response breached, deadline 2025-03-03T09:30:00Z",
        "2025-03-03T13:00:00Z level 1",
        "2025-03-03T17:00:00Z level 2",
        "2025-03-03T17:00:00Z resolution breached, deadline 2025-03-03T17:00:00Z",
        "2025-03-04T01:00:00Z level 2",
        "2025-03-04T09:00:00Z level 3",
      ],
    ],
    ["C2: P-C downgrade after 3 h of customer silence", "C2", ["2025-03-04T14:30:00Z priority 1 → 2"]],
    ["D1: P-D auto-close 7 days after resolution", "D1", ["2025-03-06T10:40:00Z closed auto-close-resolved"]],
    [
      "E1: P-E business hours, paused while awaiting the customer",
      "E1",
      ["2025-03-05T17:00:00Z resolution breached, deadline 2025-03-05T17:00:00Z"],
    ],
    ["E2: P-E critical, counted over two days, met", "E2", []],
  ])("%s", (_name, key, expected) => {
    expect(byTime(demo.week, key)).toEqual(expected);
  });

  it("applies what falls due with the system actor of the timers", () => {
    const system = demo.week.ticks.flatMap((t) => t.happened.filter((h) => h.due));
    expect(system.length).toBeGreaterThan(0);
    expect(new Set(system.map((h) => `${h.by.kind}:${h.by.id}`))).toEqual(new Set(["system:timers"]));
  });

  it("ends the week with the ladder at level 3 for C1 and every metric settled", () => {
    expect(iso(demo.week.ticks.at(-1)?.at ?? 0)).toBe("2025-03-07T18:00:00Z");
    expect(finalView(demo.week, "C1").escalation.level).toBe(3);
    expect(finalView(demo.week, "C1").loaded.state.escalationLevel).toBe(3);
    const states = demo.week.ticks
      .at(-1)
      ?.tickets.map((v) => [v.key, v.loaded.state.status, v.sla.response?.state, v.sla.resolution?.state]);
    expect(states).toEqual([
      ["D1", "closed", "met", "met"],
      ["E1", "resolved", "met", "breached"],
      ["C1", "resolved", "breached", "breached"],
      ["C2", "resolved", "met", "met"],
      ["E2", "resolved", "met", "met"],
    ]);
  });

  it("re-targets C2's resolution clock to P2 keeping its start: 30 min used, 23 h 30 min left when it resumes", () => {
    const resumed = demo.week.ticks.find((t) => t.at === at("2025-03-05T09:00:00Z"));
    const c2 = resumed?.tickets.find((v) => v.key === "C2");
    expect(c2?.sla.resolution?.target).toBe(24 * 3_600_000);
    expect(c2?.sla.resolution?.remaining).toBe(23.5 * 3_600_000);
  });

  it("leaves nothing due at the end: applying due again would append nothing", () => {
    const end = demo.week.ticks.at(-1)!;
    for (const v of end.tickets) {
      const cp = compiledPolicyOf(v.policy);
      if (cp._tag === "Left") throw new Error(cp.left.message);
      expect(due(v.loaded.state, cp.right, end.at)).toEqual([]);
    }
  });
});

describe("Monday with a worker that runs every hour", () => {
  it("records C1's response breach at the 10:00 run, with the 09:30 deadline", () => {
    const [breach] = eventsOf(demo.hourly, "C1", "sla-breached");
    expect(breach && iso(breach.at)).toBe("2025-03-03T10:00:00Z");
    expect(breach?.data).toMatchObject({ metric: "response", deadline: at("2025-03-03T09:30:00Z") });
  });

  it("runs on the hour from 08:00 to 18:00", () => {
    const runs = demo.hourly.ticks.filter((t) => t.timers).map((t) => iso(t.at).slice(11, 16));
    expect(runs).toEqual(["08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18"].map((h) => `${h}:00`));
  });
});

describe("the printed week", () => {
  it("shows states, time left, levels and what fell due, in fewer than 100 lines", () => {
    const text = renderSlaWeek(demo);
    expect(text).toContain("breached, 30m over");
    expect(text).toContain("timers: closed (auto-close-resolved)");
    expect(text).toContain("paused, 23h30m left");
    expect(text).toContain("timers: level 3 (ceo)");
    expect(text).toContain("== Fri 03-07 18:00: every clock ==");
    expect(text.split("\n").length).toBeLessThan(100);
  });
});
