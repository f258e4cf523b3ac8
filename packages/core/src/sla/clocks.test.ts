/**
 * The clock rules of docs/design/sla-semantics.md#clocks, each test named after the rule it checks: what starts,
 * pauses, stops and repeats each metric; the status fields; re-targeting; reopening.
 */

import {
  instant as at,
  calendarDef,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  type StepTuple as Step,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { slaStatus } from "./reader.js";

const all = (extra: Record<string, unknown> = {}) =>
  compiled({
    metrics: {
      response: { targets: { normal: "1h", urgent: "15m" } },
      plan: { targets: { normal: "2h" } },
      resolution: { targets: { normal: "4h", urgent: "2h" } },
      "next-reply": { targets: { normal: "30m" } },
    },
    ...extra,
  });

const day = (hhmm: string) => at(`2025-03-04T${hhmm}`);
const steps = (...s: [string, string, string?][]): Step[] => s.map(([h, w, a]) => [day(h), w, a] as Step);

describe("clock table (docs/design/sla-semantics.md#clocks)", () => {
  it.each([
    ["response stops at the first public agent reply", "response", [["09:30", "reply"]], "met", 30],
    ["response does not pause while awaiting the customer", "response", [["09:30", "await"]], "breached", 120],
    [
      "plan pauses while awaiting the customer",
      "plan",
      [
        ["09:30", "await"],
        ["10:30", "comment"],
      ],
      "running",
      60,
    ],
    ["plan stops when the plan is shared", "plan", [["09:45", "plan"]], "met", 45],
    ["resolution pauses while awaiting the customer", "resolution", [["10:00", "await"]], "paused", 60],
    ["resolution stops when resolved", "resolution", [["10:00", "resolve"]], "met", 60],
    [
      "time while resolved or closed never counts",
      "response",
      [
        ["09:10", "resolve"],
        ["09:20", "close"],
      ],
      "paused",
      10,
    ],
  ] as const)("%s", (_rule, metric, more, state, minutes) => {
    const p = all();
    const t = history(p.policy, [...steps(["09:00", "open"]), ...steps(...(more as unknown as [string, string][]))]);
    const s = slaStatus(t, p, day("11:00"))[metric]!;
    expect(s.state).toBe(state);
    expect(s.elapsed).toBe(minutes * MINUTE);
  });

  it("response never re-arms: a reply after reopening does not start it again", () => {
    const p = all();
    const t = history(
      p.policy,
      steps(["09:00", "open"], ["09:10", "reply"], ["09:20", "resolve"], ["09:30", "reopen"]),
    );
    const r = slaStatus(t, p, day("12:00")).response!;
    expect([r.state, r.elapsed, r.cycle]).toEqual(["met", 10 * MINUTE, 0]);
  });

  it("an internal note is not a response", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"]));
    expect(slaStatus(t, p, day("09:30")).response!.state).toBe("running");
  });

  it("option: resolution pauses in more statuses (pauseWhile)", () => {
    const p = compiled({
      metrics: { resolution: { targets: { normal: "4h" }, pauseWhile: ["new", "awaiting-customer"] } },
    });
    const t = history(p.policy, steps(["09:00", "open"], ["10:00", "accept"]));
    expect(slaStatus(t, p, day("11:00")).resolution!.elapsed).toBe(HOUR);
  });

  it("next-reply: a new cycle per unanswered batch of customer comments", () => {
    const p = all();
    const t = history(
      p.policy,
      steps(["09:00", "open"], ["09:05", "comment"], ["09:10", "comment"], ["09:20", "reply"], ["10:00", "comment"]),
    );
    const n = slaStatus(t, p, day("10:10"))["next-reply"]!;
    expect([n.cycle, iso(n.startedAt), n.elapsed, iso(n.deadline)]).toEqual([
      1,
      "2025-03-04T10:00",
      10 * MINUTE,
      "2025-03-04T10:30",
    ]);
    const answered = history(p.policy, steps(["09:00", "open"], ["09:05", "comment"], ["09:20", "reply"]));
    expect(slaStatus(answered, p, day("10:00"))["next-reply"]!.state).toBe("met");
  });

  it("no clock for a priority the metric has no target for", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open", "low"]));
    expect(slaStatus(t, p, day("09:30"))).toEqual({});
  });
});

describe("status of a metric at now (docs/design/sla-semantics.md#status-of-a-metric)", () => {
  it("running: elapsed, remaining, deadline, percent and the calendar used", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"]));
    const r = slaStatus(t, p, day("11:00")).resolution!;
    expect(r).toMatchObject({ state: "running", clock: "running", target: 4 * HOUR, elapsed: 2 * HOUR });
    expect([r.remaining, iso(r.deadline), r.percent, r.breachedAt, r.stoppedAt]).toEqual([
      2 * HOUR,
      "2025-03-04T13:00",
      50,
      null,
      null,
    ]);
    expect(r.calendar).toEqual({ id: "24x7", version: 1 });
  });

  it("paused: the deadline is the deadline if it resumed now", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"], ["10:00", "await"]));
    expect(iso(slaStatus(t, p, day("12:00")).resolution!.deadline)).toBe("2025-03-04T15:00");
    expect(iso(slaStatus(t, p, day("14:00")).resolution!.deadline)).toBe("2025-03-04T17:00");
  });

  it("breached while running: remaining is negative, breachedAt is the deadline", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"]));
    const r = slaStatus(t, p, day("13:30")).resolution!;
    expect([r.state, r.clock, r.remaining, iso(r.breachedAt), r.percent]).toEqual([
      "breached",
      "running",
      -30 * MINUTE,
      "2025-03-04T13:00",
      112.5,
    ]);
  });

  it("breached when stopped after the deadline; met when stopped before", () => {
    const p = all();
    const late = history(p.policy, steps(["09:00", "open"], ["14:00", "resolve"]));
    const r = slaStatus(late, p, day("18:00")).resolution!;
    expect([r.state, r.clock, iso(r.stoppedAt), r.elapsed]).toEqual([
      "breached",
      "stopped",
      "2025-03-04T14:00",
      5 * HOUR,
    ]);
    const early = history(p.policy, steps(["09:00", "open"], ["12:00", "resolve"]));
    expect(slaStatus(early, p, day("18:00")).resolution!.state).toBe("met");
  });

  it("a calendar's version is reported with the result", () => {
    const p = compiled(
      { metrics: { response: { targets: { normal: "1h" }, calendar: "biz" } } },
      { calendars: { biz: { ...calendarDef("office", weekdays([["09:00", "17:00"]])), version: 3 } } },
    );
    const t = history(p.policy, steps(["09:00", "open"]));
    expect(slaStatus(t, p, day("09:10")).response!.calendar).toEqual({ id: "office", version: 3 });
  });
});

describe("business time (docs/design/sla-semantics.md#time)", () => {
  const biz = (target: string) =>
    compiled(
      { metrics: { resolution: { targets: { normal: target }, calendar: "biz" } } },
      { calendars: { biz: calendarDef("biz", weekdays([["09:00", "17:00"]])) } },
    );

  it("a deadline whose budget runs out at the end of an open interval is that end instant", () => {
    const p = biz("8h");
    const t = history(p.policy, [["2025-03-03T09:00", "open"]]);
    expect(iso(slaStatus(t, p, at("2025-03-03T09:00")).resolution!.deadline)).toBe("2025-03-03T17:00");
  });

  it("a ticket opened outside business hours starts counting at the next opening", () => {
    const p = biz("1h");
    const t = history(p.policy, [["2025-03-03T06:00", "open"]]);
    const r = slaStatus(t, p, at("2025-03-03T08:59"));
    expect([r.resolution!.elapsed, iso(r.resolution!.deadline)]).toEqual([0, "2025-03-03T10:00"]);
  });

  it("a pause outside business hours costs nothing", () => {
    const p = biz("8h");
    const t = history(p.policy, [
      ["2025-03-03T09:00", "open"],
      ["2025-03-03T16:00", "await"],
      ["2025-03-04T10:00", "comment"],
    ]);
    expect(slaStatus(t, p, at("2025-03-04T10:00")).resolution!.elapsed).toBe(7 * HOUR);
  });
});

describe("re-targeting (docs/design/sla-semantics.md#re-targeting)", () => {
  it("keep start: the new target counts from the original start minus paused time", () => {
    const p = all();
    const t = history(
      p.policy,
      steps(["09:00", "open"], ["09:30", "await"], ["10:30", "comment"], ["10:45", "priority", "urgent"]),
    );
    const r = slaStatus(t, p, day("10:45")).resolution!;
    expect([iso(r.deadline), r.state, r.priority]).toEqual(["2025-03-04T12:00", "running", "urgent"]);
  });

  it("keep start: a new deadline already past breaches at once, observed at the change", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"], ["11:30", "priority", "urgent"]));
    const r = slaStatus(t, p, day("11:30")).resolution!;
    expect([r.state, iso(r.deadline), iso(r.breachedAt)]).toEqual(["breached", "2025-03-04T11:00", "2025-03-04T11:30"]);
  });

  it("restart option: the clock starts over at the change with the full new target, in a new cycle", () => {
    const p = all({ retarget: "restart" });
    const t = history(p.policy, steps(["09:00", "open"], ["11:30", "priority", "urgent"]));
    const r = slaStatus(t, p, day("11:30")).resolution!;
    expect([r.state, iso(r.startedAt), iso(r.deadline), r.cycle]).toEqual([
      "running",
      "2025-03-04T11:30",
      "2025-03-04T13:30",
      1,
    ]);
  });

  it("a priority change after the clock stopped does not touch it", () => {
    const p = all();
    const t = history(p.policy, steps(["09:00", "open"], ["09:40", "reply"], ["10:00", "priority", "urgent"]));
    expect(slaStatus(t, p, day("10:00")).response).toMatchObject({ state: "met", priority: "normal", target: HOUR });
  });
});

describe("reopen (docs/design/sla-semantics.md#clocks — resolution repeats)", () => {
  const reopened = steps(["09:00", "open"], ["10:00", "resolve"], ["12:00", "reopen"]);

  it("resume (default): the resolution clock resumes with the time already used", () => {
    const p = all();
    const r = slaStatus(history(p.policy, reopened), p, day("12:30")).resolution!;
    expect([r.elapsed, r.cycle, iso(r.deadline)]).toEqual([90 * MINUTE, 0, "2025-03-04T15:00"]);
  });

  it("restart option: a full budget from the reopen, in a new cycle", () => {
    const p = all({ reopen: "restart" });
    const r = slaStatus(history(p.policy, reopened), p, day("12:30")).resolution!;
    expect([r.elapsed, r.cycle, iso(r.deadline)]).toEqual([30 * MINUTE, 1, "2025-03-04T16:00"]);
  });
});
