/**
 * P-E "business-hours desk" (seeds/004) walked through its rules: requests accepted 24x7 but
 * handled only Mon–Fri 09:00–18:00, so every clock counts business hours — the first look
 * within 1 business hour, resolution within 4 h / 24 h / 48 h / 72 h of business time for
 * Critical / High / Medium / Low; the specialist may change the priority (the target follows
 * from the original start); the requester is told of status changes, of a priority change by
 * support and of a return for more information. Week of Monday 2025-03-03; the calendar is in
 * UTC (the document names no place).
 */
import { HOUR } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { pE } from "../index.js";
import { accept, askCustomer, changePriority, customerComment, open, reply, resolve } from "./acts.js";
import { iso, Walk } from "./walk.js";

const opened = (when: string, priority?: string) => {
  const w = new Walk(pE);
  w.do(when, open({ channel: "web", ...(priority === undefined ? {} : { priority }) }));
  return w;
};

describe("P-E every new request is looked at within 1 business hour", () => {
  it.each([
    ["Mon 10:00", "2025-03-03T10:00Z", "2025-03-03T11:00Z"],
    ["Mon 17:00 (runs out at closing)", "2025-03-03T17:00Z", "2025-03-03T18:00Z"],
    ["Mon 17:30", "2025-03-03T17:30Z", "2025-03-04T09:30Z"],
    ["Mon 08:00, before opening", "2025-03-03T08:00Z", "2025-03-03T10:00Z"],
    ["Sat 12:00 (accepted 24x7, handled on Monday)", "2025-03-08T12:00Z", "2025-03-10T10:00Z"],
  ])("sent %s: looked at by %s", (_, sent, deadline) => {
    expect(iso(opened(sent).sla(sent).response?.deadline)).toBe(deadline);
  });

  it.each([
    ["accepted for work", accept(), "2025-03-03T10:20Z"],
    ["returned for more information", askCustomer("more-information", "Which report fails?"), "2025-03-03T10:20Z"],
    ["resolved at once", resolve(), "2025-03-03T10:20Z"],
  ])("the look ends when the request is %s: the clock stops then", (_, act, stoppedAt) => {
    const w = opened("2025-03-03T10:00Z");
    w.do("2025-03-03T10:20Z", act);
    const r = w.sla("2025-03-03T12:00Z").response;
    expect([r?.state, r?.elapsed, iso(r?.stoppedAt)]).toEqual(["met", 20 * 60_000, stoppedAt]);
  });

  it("a public reply alone is not the look: the clock runs until the request is accepted or returned", () => {
    const w = opened("2025-03-03T10:00Z");
    w.do("2025-03-03T10:10Z", reply("We have your request."));
    expect(w.sla("2025-03-03T10:30Z").response?.state).toBe("running");
    w.do("2025-03-03T10:40Z", accept());
    const r = w.sla("2025-03-03T12:00Z").response;
    expect([r?.state, r?.elapsed]).toEqual(["met", 40 * 60_000]);
  });

  it("a request nobody accepts or returns is breached after 1 business hour, recorded by the timers", () => {
    const w = opened("2025-03-03T17:30Z");
    expect(w.runTimers("2025-03-04T12:00Z").map((a) => [a.at, a.command.type, a.command.data])).toContainEqual([
      "2025-03-04T09:30Z",
      "record-sla-breach",
      expect.objectContaining({ metric: "response" }),
    ]);
  });
});

describe("P-E resolution time by priority, in business hours", () => {
  it.each([
    ["critical", "4h", "2025-03-03T14:00Z"],
    ["high", "24h", "2025-03-05T16:00Z"],
    ["medium", "48h", "2025-03-10T13:00Z"],
    ["low", "72h", "2025-03-13T10:00Z"],
  ])("%s opened Mon 10:00 (%s of business time): resolved by %s", (priority, _, deadline) => {
    const r = opened("2025-03-03T10:00Z", priority).sla("2025-03-03T10:00Z").resolution;
    expect([r?.priority, iso(r?.deadline)]).toEqual([priority, deadline]);
  });

  it("a request opened without a priority is Medium", () => {
    expect(opened("2025-03-03T10:00Z").state.priority).toBe("medium");
  });

  it("critical opened Fri 17:00: 1 h on Friday, 3 h on Monday", () => {
    expect(iso(opened("2025-03-07T17:00Z", "critical").sla("2025-03-07T17:00Z").resolution?.deadline)).toBe(
      "2025-03-10T12:00Z",
    );
  });

  it("a critical request not resolved in 4 business hours is breached, recorded by the timers", () => {
    const w = opened("2025-03-03T10:00Z", "critical");
    w.do("2025-03-03T10:15Z", accept());
    expect(w.runTimers("2025-03-03T18:00Z").map((a) => [a.at, a.command.type])).toEqual([
      ["2025-03-03T14:00Z", "record-sla-breach"],
    ]);
    expect(w.sla("2025-03-03T18:00Z").resolution?.remaining).toBe(-4 * HOUR);
  });

  it("returned for more information, the resolution clock waits for the requester", () => {
    const w = opened("2025-03-03T10:00Z", "high");
    w.do("2025-03-03T10:30Z", reply());
    w.do("2025-03-03T12:00Z", askCustomer("more-information", "Which report fails?"));
    w.do("2025-03-04T11:00Z", customerComment("The monthly sales report."));
    // 2 h used on Monday; 22 h left from Tue 11:00: Tue 7 h, Wed 9 h, Thu 6 h.
    const r = w.sla("2025-03-04T11:00Z").resolution;
    expect([r?.elapsed, iso(r?.deadline)]).toEqual([2 * HOUR, "2025-03-06T15:00Z"]);
  });
});

describe("P-E the specialist may change the priority", () => {
  it.each([
    ["low → critical at Mon 12:00: 4 h from the start", "critical", "2025-03-03T12:00Z", "running", null],
    [
      "low → critical at Mon 15:00: already late, observed then",
      "critical",
      "2025-03-03T15:00Z",
      "breached",
      "2025-03-03T15:00Z",
    ],
    ["critical → low at Mon 12:00: 72 h from the start", "low", "2025-03-03T12:00Z", "running", null],
  ])("%s", (_, to, when, state, breachedAt) => {
    const w = opened("2025-03-03T10:00Z", to === "low" ? "critical" : "low");
    w.do(when, changePriority(to));
    const r = w.sla(when).resolution;
    const deadline = to === "critical" ? "2025-03-03T14:00Z" : "2025-03-13T10:00Z";
    expect([r?.state, iso(r?.deadline), iso(r?.breachedAt)]).toEqual([state, deadline, breachedAt]);
  });
});

describe("P-E notifications to the requester", () => {
  it("status changes, a priority change by support and a return for information; nothing else is announced", () => {
    const w = opened("2025-03-03T10:00Z", "medium");
    w.do("2025-03-03T10:20Z", accept());
    w.do("2025-03-03T10:30Z", changePriority("high"));
    w.do("2025-03-03T11:00Z", askCustomer());
    w.do("2025-03-03T13:00Z", customerComment());
    w.do("2025-03-03T16:00Z", resolve());
    w.do("2025-03-03T16:30Z", { type: "close", actor: { kind: "agent", id: "agent-1" }, data: {} });
    const told = w.events.map((e) => [e.type, w.noticesOn(e.type).filter((n) => n.startsWith("requester:"))]);
    expect(told).toEqual([
      ["opened", ["requester:ticket-opened"]],
      ["accepted", ["requester:ticket-accepted"]],
      ["prioritised", ["requester:priority-changed"]],
      ["awaiting-customer", ["requester:ticket-awaiting-customer"]],
      ["commented", []],
      ["customer-replied", []],
      ["resolved", ["requester:ticket-resolved"]],
      ["closed", ["requester:ticket-closed"]],
    ]);
  });
});
