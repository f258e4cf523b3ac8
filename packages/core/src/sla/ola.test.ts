/**
 * OLAs (issue #13: "internal targets per group/team running beside the customer SLA, with team
 * calendars"; docs/sla.md, "OLAs"). Dispatch must hand a ticket on within 30 minutes around the
 * clock; tier 2 works Mon–Fri 09:00–17:00 UTC and owes a normal ticket 4 of its hours. Week of
 * Monday 2025-03-03 (UTC).
 */
import {
  agent,
  applyOrThrow,
  instant as at,
  calendarDef,
  commandFromStep,
  compiledSlaTestPolicy as compiled,
  isoMinute as iso,
  slaTestPolicy,
  TENANT,
  TICKET,
  weekdayHours,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import { compilePolicy } from "../policy/compile.js";
import { MINUTE } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { olaStatus } from "./ola.js";
import { slaStatus } from "./reader.js";

const calendars = { "tier-2-hours": calendarDef("tier-2-hours", weekdayHours([["09:00", "17:00"]])) };
const sla = {
  metrics: { response: { targets: { urgent: "1h", high: "2h", normal: "4h", low: "8h" } } },
  olas: [
    { group: "dispatch", targets: { urgent: "15m", high: "30m", normal: "30m", low: "30m" } },
    { group: "tier-2", calendar: "tier-2-hours", targets: { urgent: "1h", normal: "4h" } },
  ],
};
const policy = compiled(sla, { calendars });
const d = (hhmm: string, day = "03") => at(`2025-03-${day}T${hhmm}`);

type Step = readonly [string, string, string?];
/** A ticket's life: `open` (priority), `to` (hand to a group), `reply`, `await`, `comment`, `resolve`. */
const life = (steps: readonly Step[]): TicketState =>
  steps.reduce((t, [when, what, arg]) => {
    const command =
      what === "to"
        ? ({
            ticketId: TICKET,
            tenantId: TENANT,
            at: at(when),
            actor: agent,
            type: "assign",
            data: { assignee: null, group: arg },
          } as TicketCommand)
        : commandFromStep(at(when), what, arg);
    return applyOrThrow(t, policy.policy, command);
  }, initialState);

const ola = (t: TicketState, now: string) =>
  Object.fromEntries(
    Object.entries(olaStatus(t, policy, at(now))).map(([g, s]) => [
      g,
      [s.state, s.cycle, iso(s.deadline), s.elapsed / MINUTE, iso(s.stoppedAt)],
    ]),
  );

describe("OLA clocks beside the SLA", () => {
  it("dispatch hands on within its 30 minutes; tier 2's clock starts then, on its own hours", () => {
    const t = life([
      ["2025-03-03T08:00", "open", "normal"],
      ["2025-03-03T08:00", "to", "dispatch"],
      ["2025-03-03T08:20", "to", "tier-2"],
    ]);
    expect(ola(t, "2025-03-03T10:00")).toEqual({
      dispatch: ["met", 0, "2025-03-03T08:30", 20, "2025-03-03T08:20"],
      "tier-2": ["running", 0, "2025-03-03T13:00", 60, null],
    });
  });

  it("waiting on the customer pauses the group's clock; resolving stops it, met", () => {
    const t = life([
      ["2025-03-03T08:00", "open", "normal"],
      ["2025-03-03T09:00", "to", "tier-2"],
      ["2025-03-03T10:00", "await"],
      ["2025-03-04T09:00", "comment"],
      ["2025-03-04T10:00", "resolve"],
    ]);
    expect(ola(t, "2025-03-04T12:00")).toEqual({ "tier-2": ["met", 0, "2025-03-04T12:00", 120, "2025-03-04T10:00"] });
  });

  it("a missed OLA is recorded by the timers as ola-breached, not as an SLA breach, once", () => {
    let t = life([
      ["2025-03-03T08:00", "open", "normal"],
      ["2025-03-03T08:05", "reply"],
      ["2025-03-03T08:10", "to", "tier-2"],
    ]);
    expect(iso(nextWakeUp(t, policy))).toBe("2025-03-03T13:00");
    const commands = due(t, policy, d("13:00"));
    expect(commands.map((c) => [c.type, c.data])).toEqual([
      ["record-ola-breach", { group: "tier-2", cycle: 0, deadline: d("13:00") }],
    ]);
    const decision = decide(commands[0] as TicketCommand, t, policy.policy);
    expect(E.isRight(decision) && decision.right.map((e) => e.type)).toEqual(["ola-breached"]);
    t = commands.reduce((s, c) => applyOrThrow(s, policy.policy, c), t);
    expect(due(t, policy, d("13:00"))).toEqual([]);
    expect([slaStatus(t, policy, d("13:00")).response?.state, ola(t, "2025-03-03T13:00")["tier-2"]?.[0]]).toEqual([
      "met",
      "breached",
    ]);
  });

  it("handed back to the group later: a new cycle with the full target", () => {
    const t = life([
      ["2025-03-03T08:00", "open", "urgent"],
      ["2025-03-03T09:00", "to", "tier-2"],
      ["2025-03-03T09:30", "to", "dispatch"],
      ["2025-03-03T09:40", "to", "tier-2"],
    ]);
    expect(ola(t, "2025-03-03T10:00")).toEqual({
      dispatch: ["met", 0, "2025-03-03T09:45", 10, "2025-03-03T09:40"],
      "tier-2": ["running", 1, "2025-03-03T10:40", 20, null],
    });
  });

  it("a priority without an OLA target has no OLA clock for the group", () => {
    const t = life([
      ["2025-03-03T08:00", "open", "low"],
      ["2025-03-03T08:10", "to", "tier-2"],
    ]);
    expect(ola(t, "2025-03-03T10:00")).toEqual({});
    expect(olaStatus(t, policy, d("10:00"))["tier-2"]).toBeUndefined();
  });

  it.each([
    [
      "a second OLA for one group",
      [
        { group: "g", targets: {} },
        { group: "g", targets: {} },
      ],
      "sla.olas[1].group",
    ],
    ["an unknown team calendar", [{ group: "g", calendar: "nope", targets: {} }], "sla.olas[0].calendar"],
    ["a target for a priority not on the scale", [{ group: "g", targets: { p9: "1h" } }], "sla.olas[0].targets.p9"],
  ])("%s is refused, naming the path", (_, olas, path) => {
    const bad = compilePolicy(slaTestPolicy({ olas }, { calendars }));
    expect(E.isLeft(bad) && bad.left.path).toBe(path);
  });
});
