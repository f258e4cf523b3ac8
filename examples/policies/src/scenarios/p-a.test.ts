/**
 * P-A "three-tier MSP" (seeds/000) walked through its rules: the dispatch questions on
 * intake, priority by the share of users affected, three clocks per priority counted in
 * calendar hours (24x7: the document's table says "within 1 hour" with no business-hours
 * qualifier), bookable working-session slots, and the feedback request after resolution.
 * Week of Monday 2025-03-03; instants in UTC.
 */
import { bookableSlots, HOUR, MINUTE } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { pA } from "../index.js";
import {
  askCustomer,
  changePriority,
  customerComment,
  giveFeedback,
  open,
  reply,
  resolve,
  scheduleSession,
  sharePlan,
} from "./acts.js";
import { at, calendarOf, iso, refusal, Walk } from "./walk.js";

/** A ticket with every dispatch question answered (P-A's intake list). */
const dispatched = (extra: Record<string, unknown> = {}) =>
  open({
    channel: "phone",
    affectedUsers: 1,
    totalUsers: 40,
    intake: {
      startedAt: "this morning",
      troubleshooting: "restarted the PC",
      location: "on-site",
      impactOnWork: "cannot send mail",
    },
    ...extra,
  });

const opened = (when: string, extra: Record<string, unknown> = {}) => {
  const w = new Walk(pA);
  w.do(when, dispatched(extra));
  return w;
};

describe("P-A intake", () => {
  it.each([
    ["requester.phone", { requester: { id: "cust-1", email: "dana@example-co.example" } }],
    ["intake.troubleshooting", { intake: { startedAt: "today", location: "remote", impactOnWork: "none" } }],
    ["affectedUsers", { affectedUsers: undefined }],
  ])("a ticket without %s is refused: the dispatch questions are mandatory", (field, change) => {
    const w = new Walk(pA);
    const r = w.tryAt("2025-03-03T09:00Z", dispatched(change));
    expect(refusal(r)).toMatchObject({ code: "MISSING_FIELD", field });
  });

  it.each([
    [1, 40, "3", "Standard: a single user"],
    [12, 40, "2", "Serious: under 50% of users"],
    [20, 40, "2", "Serious: exactly half is not over half"],
    [21, 40, "1", "Critical: over 50% of users"],
  ])("%i of %i users affected opens priority %s (%s)", (affected, total, priority) => {
    const w = opened("2025-03-03T09:00Z", { affectedUsers: affected, totalUsers: total });
    expect(w.state.priority).toBe(priority);
  });
});

describe("P-A three clocks per priority, calendar hours", () => {
  it.each([
    ["1", "2025-03-03T10:00Z", "2025-03-03T11:00Z", "2025-03-03T17:00Z"],
    ["2", "2025-03-03T13:00Z", "2025-03-03T17:00Z", "2025-03-04T09:00Z"],
    ["3", "2025-03-03T17:00Z", "2025-03-04T09:00Z", "2025-03-06T09:00Z"],
  ])("priority %s opened Mon 09:00: response by %s, plan by %s, resolution by %s", (p, response, plan, resolution) => {
    const s = opened("2025-03-03T09:00Z", { priority: p }).sla("2025-03-03T09:00Z");
    expect([iso(s.response?.deadline), iso(s.plan?.deadline), iso(s.resolution?.deadline)]).toEqual([
      response,
      plan,
      resolution,
    ]);
  });

  it("calendar hours run through the night and the weekend (opened Fri 18:00, priority 3)", () => {
    const s = opened("2025-03-07T18:00Z").sla("2025-03-08T01:00Z");
    expect([iso(s.response?.deadline), iso(s.plan?.deadline), iso(s.resolution?.deadline)]).toEqual([
      "2025-03-08T02:00Z",
      "2025-03-08T18:00Z",
      "2025-03-10T18:00Z",
    ]);
    expect(s.response?.elapsed).toBe(7 * HOUR);
  });

  it("a priority 2 ticket: response and plan met, resolution paused while waiting on the customer", () => {
    const w = opened("2025-03-03T09:00Z", { affectedUsers: 10 });
    w.do("2025-03-03T10:30Z", reply());
    w.do("2025-03-03T16:00Z", sharePlan());
    w.do("2025-03-03T17:00Z", askCustomer());
    w.do("2025-03-04T08:00Z", customerComment());
    const tue = w.sla("2025-03-04T12:00Z");
    expect([tue.response?.state, tue.response?.elapsed, iso(tue.response?.stoppedAt)]).toEqual([
      "met",
      90 * MINUTE,
      "2025-03-03T10:30Z",
    ]);
    expect([tue.plan?.state, tue.plan?.elapsed]).toEqual(["met", 7 * HOUR]);
    // 8 h counted Mon 09:00–17:00, 15 h paused, then 4 h: 12 h of 24 used; 12 h left from Tue 12:00.
    expect([tue.resolution?.state, tue.resolution?.elapsed, tue.resolution?.percent]).toEqual([
      "running",
      12 * HOUR,
      50,
    ]);
    expect(iso(tue.resolution?.deadline)).toBe("2025-03-05T00:00Z");
    w.do("2025-03-04T20:00Z", resolve());
    const done = w.sla("2025-03-05T09:00Z").resolution;
    expect([done?.state, done?.elapsed, iso(done?.stoppedAt)]).toEqual(["met", 20 * HOUR, "2025-03-04T20:00Z"]);
  });

  it("a priority 1 ticket nobody answers breaches each clock at its deadline (timers through decide)", () => {
    const w = opened("2025-03-03T09:00Z", { affectedUsers: 30 });
    expect(w.wakeUp()).toBe("2025-03-03T10:00Z");
    const applied = w.runTimers("2025-03-03T18:00Z");
    expect(applied.map((a) => [a.at, a.command.type, (a.command.data as { metric: string }).metric])).toEqual([
      ["2025-03-03T10:00Z", "record-sla-breach", "response"],
      ["2025-03-03T11:00Z", "record-sla-breach", "plan"],
      ["2025-03-03T17:00Z", "record-sla-breach", "resolution"],
    ]);
    expect(w.events.filter((e) => e.type === "sla-breached").map((e) => iso(e.at))).toEqual([
      "2025-03-03T10:00Z",
      "2025-03-03T11:00Z",
      "2025-03-03T17:00Z",
    ]);
    const s = w.sla("2025-03-03T18:00Z");
    expect([s.resolution?.state, iso(s.resolution?.breachedAt), s.resolution?.remaining]).toEqual([
      "breached",
      "2025-03-03T17:00Z",
      -HOUR,
    ]);
  });

  it("impact re-assessed from 3 to 1 keeps the start: the response is already late, observed at the change", () => {
    const w = opened("2025-03-03T09:00Z");
    w.do("2025-03-03T10:30Z", changePriority("1"));
    const r = w.sla("2025-03-03T10:30Z").response;
    expect([r?.state, iso(r?.deadline), iso(r?.breachedAt)]).toEqual([
      "breached",
      "2025-03-03T10:00Z",
      "2025-03-03T10:30Z",
    ]);
    expect(w.wakeUp()).toBe("2025-03-03T10:30Z");
    expect(w.noticesOn("prioritised")).toContain("requester:priority-changed");
  });
});

describe("P-A working sessions", () => {
  const hours = calendarOf(pA, "engineer-hours");

  it.each([
    ["30m", 30 * MINUTE, ["20:00", "20:30", "21:00", "21:30", "22:00", "22:30"]],
    ["1h", HOUR, ["20:00", "20:30", "21:00", "21:30", "22:00"]],
  ])("Tue 2025-03-04 from 2:00 PM Central, %s sessions on a 30-minute grid", (_, length, starts) => {
    if (hours === undefined) throw new Error("P-A has no engineer-hours calendar");
    const slots = bookableSlots(hours, at("2025-03-04T20:00Z"), at("2025-03-05T00:00Z"), 30 * MINUTE, length);
    expect(slots.map((s) => iso(s.start)?.slice(11, 16))).toEqual(starts);
  });

  it("no slots on a Saturday; a chosen slot is scheduled on the ticket", () => {
    if (hours === undefined) throw new Error("P-A has no engineer-hours calendar");
    expect(bookableSlots(hours, at("2025-03-08T14:00Z"), at("2025-03-09T00:00Z"), 30 * MINUTE, HOUR)).toEqual([]);
    const w = opened("2025-03-04T15:00Z");
    w.do("2025-03-04T15:30Z", scheduleSession(at("2025-03-04T20:30Z"), HOUR));
    expect(w.state.sessions).toEqual([{ start: at("2025-03-04T20:30Z"), length: HOUR }]);
  });
});

describe("P-A feedback after resolution", () => {
  it("resolving sends the requester the resolution and a feedback request", () => {
    const w = opened("2025-03-03T09:00Z");
    w.do("2025-03-03T11:00Z", resolve());
    expect(w.noticesOn("resolved")).toEqual(["requester:ticket-resolved", "requester:feedback-request"]);
  });

  it.each(["positive", "neutral", "negative"] as const)("the customer answers %s", (rating) => {
    const w = opened("2025-03-03T09:00Z");
    w.do("2025-03-03T11:00Z", resolve());
    w.do("2025-03-03T12:00Z", giveFeedback(rating));
    expect(w.state.feedback).toEqual({ rating, at: at("2025-03-03T12:00Z") });
  });

  it("feedback is refused before the ticket is resolved", () => {
    const w = opened("2025-03-03T09:00Z");
    const r = w.tryAt("2025-03-03T10:00Z", giveFeedback("positive"));
    expect(refusal(r)?.code).toBe("ILLEGAL_TRANSITION");
  });
});
