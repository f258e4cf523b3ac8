/**
 * Point-in-time targets (docs/sla.md, "Targets at a time of day"; issue #13: "a target that is
 * 'end of the business day' or 'next business day at 09:00' as data, as GLPI's 'end of working
 * day' option"). Office: Mon–Fri 09:00–16:00 America/New_York (UTC−5 in early March 2025);
 * Mon 2025-03-03 … Fri 2025-03-07, Mon 2025-03-10 (DST began Sunday 03-09: UTC−4).
 */
import {
  instant as at,
  calendarDef,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  type StepTuple as Step,
  slaTestPolicy,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "../policy/compile.js";
import { decodePolicy, PolicyC } from "../policy/policy.js";
import { HOUR, MINUTE } from "../shared/duration.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { explainSla } from "./explain.js";
import { slaStatus } from "./reader.js";

const office = calendarDef("office", weekdays([["09:00", "16:00"]]), { timeZone: "America/New_York" });
const calendars = { office };
const targets = {
  urgent: { kind: "end-of-business-day" },
  high: { kind: "end-of-business-day", cutoff: "15:00" },
  normal: { kind: "next-business-day-at", time: "09:00" },
  low: "4h",
};
const sla = { metrics: { response: { calendar: "office", targets } }, warnings: [{ percent: 50 }] };
const policy = () => compiled(sla, { calendars });
const opened = (when: string, priority: string, more: Step[] = []) =>
  history(policy().policy, [[when, "open", priority], ...more]);

describe("point-in-time targets as data", () => {
  it("decode and encode back, and refuse a malformed time or an unknown kind, naming the path", () => {
    const p = { id: "p", name: "p", priorities: policy().policy.priorities, calendars, sla };
    const decoded = decodePolicy(p);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(PolicyC.encode(decoded.right).sla?.metrics?.response?.targets).toEqual(targets);
    const bad = decodePolicy({
      ...p,
      sla: { metrics: { response: { targets: { low: { kind: "next-business-day-at", time: "9am" } } } } },
    });
    expect(E.isLeft(bad) && bad.left.message).toContain("sla.metrics.response.targets.low");
  });

  it("an end-of-business-day target on 24x7 is refused: 24x7 has no close", () => {
    const sla24 = { metrics: { response: { targets: { urgent: { kind: "end-of-business-day" } } } } };
    const bad = compilePolicy(slaTestPolicy(sla24, { calendars }));
    expect(E.isLeft(bad) && [bad.left.code, bad.left.path]).toEqual([
      "INVALID_SLA_POLICY",
      "sla.metrics.response.targets.urgent",
    ]);
  });

  it.each([
    ["urgent", "Mon 10:00, in hours", "2025-03-03T15:00", "2025-03-03T21:00", 6 * HOUR],
    ["urgent", "Mon 17:00, after the close", "2025-03-03T22:00", "2025-03-04T21:00", 7 * HOUR],
    ["urgent", "Mon 07:00, before the opening", "2025-03-03T12:00", "2025-03-03T21:00", 7 * HOUR],
    [
      "urgent",
      "Fri 17:00: the next business day is Monday (after DST)",
      "2025-03-07T22:00",
      "2025-03-10T20:00",
      7 * HOUR,
    ],
    ["high", "Mon 14:59, before the 15:00 cutoff", "2025-03-03T19:59", "2025-03-03T21:00", 61 * MINUTE],
    ["high", "Mon 15:00, at the cutoff: the next day's close", "2025-03-03T20:00", "2025-03-04T21:00", 8 * HOUR],
    ["normal", "Mon 10:00", "2025-03-03T15:00", "2025-03-04T14:00", 23 * HOUR],
    ["normal", "Mon 02:00: the day itself never counts", "2025-03-03T07:00", "2025-03-04T14:00", 31 * HOUR],
    ["normal", "Fri 10:00: Monday 09:00 (after DST)", "2025-03-07T15:00", "2025-03-10T13:00", 70 * HOUR],
  ])("%s opened %s (%s): due %s, a budget of %d ms", (priority, _when, openedAt, deadline, budget) => {
    const s = slaStatus(opened(openedAt, priority), policy(), at(openedAt)).response!;
    expect([iso(s.deadline), s.target, s.state]).toEqual([deadline, budget, "running"]);
  });

  it("breached at the instant it names, observed by the timers' next wake-up and the status", () => {
    const t = opened("2025-03-03T15:00", "urgent");
    // The 50% warning (3 business hours of 6) comes first, then the close.
    expect(iso(nextWakeUp(t, policy()) ?? undefined)).toBe("2025-03-03T18:00");
    const late = slaStatus(t, policy(), at("2025-03-03T21:00")).response!;
    expect([late.state, iso(late.breachedAt)]).toEqual(["breached", "2025-03-03T21:00"]);
  });

  it("a reply before the close meets it; the remaining time is business time to the close", () => {
    const t = opened("2025-03-03T15:00", "urgent", [["2025-03-03T20:00", "reply"]]);
    const s = slaStatus(t, policy(), at("2025-03-03T22:00")).response!;
    expect([s.state, s.remaining]).toEqual(["met", HOUR]);
  });

  it("the explanation says which rule the deadline comes from", () => {
    const e = explainSla(opened("2025-03-03T22:00", "urgent"), policy(), "response", at("2025-03-04T15:00"))!;
    expect(e.targetRule).toEqual({ says: "end of the business day", calendar: "office", at: at("2025-03-04T21:00") });
    expect(e.summary).toContain('the "end of the business day" target (on calendar office: 2025-03-04T21:00');
    const n = explainSla(opened("2025-03-03T15:00", "normal"), policy(), "response", at("2025-03-03T16:00"))!;
    expect([n.targetRule?.says, iso(n.deadline), n.calendar.id]).toEqual([
      "next business day at 09:00",
      "2025-03-04T14:00",
      "24x7",
    ]);
  });
});
