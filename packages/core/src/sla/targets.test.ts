/**
 * A calendar per target (docs/design/sla-semantics.md#time — "the calendar a target counts on is either a
 * business calendar or 24x7, chosen per target"): a contract counts P1 around the clock and
 * P3 in office hours. Re-targeting across calendars, keep start: the whole elapsed time from
 * the original start (minus pauses) is counted again on the calendar of the new target; the
 * breach it reveals is observed at the change. Restart: the new target's full time on its own
 * calendar from the change. Office: Mon–Fri 09:00–17:00 UTC; Fri 2025-03-07, Mon 2025-03-10.
 */

import {
  instant as at,
  calendarDef,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  slaTestPolicy as policyFrom,
  fourPriorities as priorities,
  type StepTuple as Step,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "../policy/compile.js";
import { decodePolicy, PolicyC } from "../policy/policy.js";
import { HOUR } from "../shared/duration.js";
import { slaStatus } from "./reader.js";

const calendars = { office: calendarDef("office", weekdays([["09:00", "17:00"]])) };
const sla = (extra: Record<string, unknown> = {}) => ({
  metrics: {
    response: { calendar: "office", targets: { urgent: { within: "1h", calendar: "24x7" }, normal: "4h" } },
    resolution: {
      calendar: "office",
      targets: { urgent: { within: "4h", calendar: "24x7" }, high: { within: "4h" }, normal: "8h", low: "8h" },
    },
  },
  ...extra,
});
const contract = (extra: Record<string, unknown> = {}) => compiled(sla(extra), { calendars });

describe("a calendar per target (docs/design/sla-semantics.md#time)", () => {
  it("decodes a target as a duration or as { within, calendar }, and encodes back", () => {
    const decoded = decodePolicy({ id: "p", name: "p", priorities, calendars, sla: sla() });
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(decoded.right.sla?.metrics?.resolution?.targets).toEqual({
      urgent: { within: 4 * HOUR, calendar: "24x7" },
      high: { within: 4 * HOUR },
      normal: 8 * HOUR,
      low: 8 * HOUR,
    });
    expect(PolicyC.encode(decoded.right).sla).toEqual(sla());
  });

  it("compiles each target onto its calendar; equal targets are one value", () => {
    const targets = contract().metrics.find((m) => m.name === "resolution")!.targets;
    expect([...targets].map(([p, t]) => [p, t.within / HOUR, t.calendar.id])).toEqual([
      ["urgent", 4, "24x7"],
      ["high", 4, "office"],
      ["normal", 8, "office"],
      ["low", 8, "office"],
    ]);
    expect(targets.get("normal")).toBe(targets.get("low"));
  });

  it("an unknown calendar in a target is refused, naming the target", () => {
    const bad = compilePolicy(
      policyFrom({ metrics: { plan: { targets: { urgent: { within: "1h", calendar: "nope" } } } } }),
    );
    expect(E.isLeft(bad) && [bad.left.code, bad.left.path]).toEqual([
      "UNKNOWN_CALENDAR",
      "sla.metrics.plan.targets.urgent.calendar",
    ]);
  });

  it.each([
    ["urgent", "2025-03-07T17:30", "2025-03-07T18:30", "2025-03-07T21:30", "24x7"],
    ["normal", "2025-03-07T17:30", "2025-03-10T13:00", "2025-03-10T17:00", "office"],
    ["urgent", "2025-03-10T10:00", "2025-03-10T11:00", "2025-03-10T14:00", "24x7"],
    ["normal", "2025-03-10T10:00", "2025-03-10T14:00", "2025-03-11T10:00", "office"],
  ])(
    "P1 on 24x7, P3 in office hours: %s opened %s responds by %s, resolves by %s (%s)",
    (p, opened, response, resolution, cal) => {
      const c = contract();
      const s = slaStatus(history(c.policy, [[opened, "open", p]]), c, at(opened));
      expect([iso(s.response?.deadline), iso(s.resolution?.deadline), s.resolution?.calendar.id]).toEqual([
        response,
        resolution,
        cal,
      ]);
    },
  );
});

describe("re-targeting across calendars (docs/design/sla-semantics.md#re-targeting)", () => {
  const raised: Step[] = [
    ["2025-03-07T16:00", "open", "normal"],
    ["2025-03-08T10:00", "priority", "urgent"],
  ];

  it("keep start: raised to a 24x7 target on Saturday, the time since Friday 16:00 is recounted on 24x7 — breached, observed at the change", () => {
    const c = contract();
    const r = slaStatus(history(c.policy, raised), c, at("2025-03-08T10:00")).resolution!;
    expect([r.state, r.elapsed / HOUR, iso(r.deadline), iso(r.breachedAt), r.calendar.id, r.cycle]).toEqual([
      "breached",
      18,
      "2025-03-07T20:00",
      "2025-03-08T10:00",
      "24x7",
      1,
    ]);
  });

  it("keep start: lowered from 24x7 to office hours, the time since the start is recounted in office hours", () => {
    const c = contract();
    const t = history(c.policy, [
      ["2025-03-10T08:00", "open", "urgent"],
      ["2025-03-10T09:00", "priority", "normal"],
    ]);
    const r = slaStatus(t, c, at("2025-03-10T10:00")).resolution!;
    expect([r.state, r.elapsed / HOUR, iso(r.deadline), r.calendar.id]).toEqual([
      "running",
      1,
      "2025-03-10T17:00",
      "office",
    ]);
  });

  it("restart option: the new target's full time on its own calendar, from the change", () => {
    const c = contract({ retarget: "restart" });
    const r = slaStatus(history(c.policy, raised), c, at("2025-03-08T10:00")).resolution!;
    expect([r.state, iso(r.startedAt), iso(r.deadline), r.calendar.id]).toEqual([
      "running",
      "2025-03-08T10:00",
      "2025-03-08T14:00",
      "24x7",
    ]);
  });

  it.each([
    ["the same time on another calendar is a new target (new cycle)", "high", "urgent", 1],
    ["an equal target (same time, same calendar) is no change", "normal", "low", 0],
  ])("%s", (_rule, from, to, cycle) => {
    const c = contract();
    const t = history(c.policy, [
      ["2025-03-10T10:00", "open", from],
      ["2025-03-10T10:30", "priority", to],
    ]);
    expect(slaStatus(t, c, at("2025-03-10T11:00")).resolution?.cycle).toBe(cycle);
  });
});
