/**
 * The public scenarios S1–S9 of docs/design/sla-semantics.md#public-scenarios, each a named test, computed through the
 * whole engine: JSON policy → compiled policy → ticket history through decide → slaStatus /
 * timers.
 */

import {
  applyOrThrow as apply,
  instant as at,
  calendarDef,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  weekdayHours as weekdays,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { slaStatus } from "./reader.js";

const oneMetric = (metric: string, target: string, calendar: unknown, extra: Record<string, unknown> = {}) =>
  compiled(
    { metrics: { [metric]: { targets: { normal: target }, calendar: "biz" } }, ...extra },
    { calendars: { biz: calendar } },
  );

describe("public scenarios (docs/design/sla-semantics.md#public-scenarios)", () => {
  it("S1: opened Friday night on Mon–Fri 08–17, 8 h: counting starts at Monday's opening", () => {
    const p = oneMetric("response", "8h", calendarDef("biz", weekdays([["08:00", "17:00"]])));
    const t = history(p.policy, [["2014-12-12T21:00", "open"]]);
    const r = slaStatus(t, p, at("2014-12-15T09:30")).response!;
    expect(r.elapsed).toBe(90 * MINUTE);
    expect(r.percent).toBe(18.75);
    expect(iso(r.deadline)).toBe("2014-12-15T16:00");
    expect(r.state).toBe("running");
  });

  it("S2: Mon–Fri 09–17, 24 h from Monday 09:00 ends Wednesday 17:00", () => {
    const p = oneMetric("resolution", "24h", calendarDef("biz", weekdays([["09:00", "17:00"]])));
    const t = history(p.policy, [["2015-01-05T09:00", "open"]]);
    expect(iso(slaStatus(t, p, at("2015-01-05T09:00")).resolution!.deadline)).toBe("2015-01-07T17:00");
  });

  it("S3: warnings at 50 % and 75 % and the breach come at Mon 17:00, Tue 10:00, Tue 12:00", () => {
    const p = oneMetric("resolution", "8h", calendarDef("biz", weekdays([["08:00", "17:00"]])), {
      warnings: [{ percent: 50 }, { percent: 75 }],
    });
    let t = history(p.policy, [["2025-03-03T13:00", "open"]]);
    const seen: [string | null, string][] = [];
    for (let wake = nextWakeUp(t, p); wake !== null; wake = nextWakeUp(t, p)) {
      for (const c of due(t, p, wake)) {
        const what = c.type === "record-sla-warning" ? c.data.warning : c.type;
        seen.push([iso(wake), what]);
        t = apply(t, p.policy, c);
      }
    }
    expect(seen).toEqual([
      ["2025-03-03T17:00", "50%"],
      ["2025-03-04T10:00", "75%"],
      ["2025-03-04T12:00", "record-sla-breach"],
    ]);
  });

  it("S4: urgent re-target after the new deadline: deadline 10:00, breach observed 10:30, breached with 105 min", () => {
    const p = compiled({ metrics: { response: { targets: { normal: "8h", urgent: "1h" } } } });
    const before = history(p.policy, [["2025-03-04T09:00", "open", "normal"]]);
    expect(iso(slaStatus(before, p, at("2025-03-04T10:29")).response!.deadline)).toBe("2025-03-04T17:00");
    const changed = apply(before, p.policy, {
      type: "change-priority",
      ticketId: before.ticketId as never,
      tenantId: before.tenantId as never,
      at: at("2025-03-04T10:30"),
      actor: { kind: "agent", id: "a" },
      data: { priority: "urgent" },
    });
    // Observed at the change, never back-dated: the timer is due at 10:30, not at 10:00.
    expect(iso(nextWakeUp(changed, p))).toBe("2025-03-04T10:30");
    const recorded = due(changed, p, at("2025-03-04T10:30"));
    expect(recorded.map((c) => [c.type, c.type === "record-sla-breach" ? iso(c.data.deadline) : null])).toEqual([
      ["record-sla-breach", "2025-03-04T10:00"],
    ]);
    const replied = history(p.policy, [
      ["2025-03-04T09:00", "open", "normal"],
      ["2025-03-04T10:30", "priority", "urgent"],
      ["2025-03-04T10:45", "reply"],
    ]);
    const r = slaStatus(replied, p, at("2025-03-04T12:00")).response!;
    expect(r.state).toBe("breached");
    expect(iso(r.deadline)).toBe("2025-03-04T10:00");
    expect(iso(r.breachedAt)).toBe("2025-03-04T10:30");
    expect(r.elapsed).toBe(105 * MINUTE);
    expect(iso(r.stoppedAt)).toBe("2025-03-04T10:45");
  });

  it.each([
    ["keep-start", "2025-03-04T12:00"],
    ["restart", "2025-03-04T13:00"],
  ])("S5: medium 3 h → high 2 h at 11:00, re-target %s: deadline %s", (mode, deadline) => {
    const p = compiled({ retarget: mode, metrics: { resolution: { targets: { normal: "3h", high: "2h" } } } });
    const t = history(p.policy, [
      ["2025-03-04T10:00", "open", "normal"],
      ["2025-03-04T11:00", "priority", "high"],
    ]);
    expect(iso(slaStatus(t, p, at("2025-03-04T11:00")).resolution!.deadline)).toBe(deadline);
  });

  it("S6: Mon–Fri 09–12 + 13–17: Monday 11:00 + 3 h is Monday 15:00", () => {
    const p = oneMetric(
      "response",
      "3h",
      calendarDef(
        "biz",
        weekdays([
          ["09:00", "12:00"],
          ["13:00", "17:00"],
        ]),
      ),
    );
    const t = history(p.policy, [["2025-03-03T11:00", "open"]]);
    expect(iso(slaStatus(t, p, at("2025-03-03T11:00")).response!.deadline)).toBe("2025-03-03T15:00");
  });

  it("S7: Mon–Fri 09–17 with 2024-12-25 a holiday: Tue 24th 15:00 + 8 h is Thu 26th 15:00", () => {
    const p = oneMetric(
      "resolution",
      "8h",
      calendarDef("biz", weekdays([["09:00", "17:00"]]), { holidays: ["2024-12-25"] }),
    );
    const t = history(p.policy, [["2024-12-24T15:00", "open"]]);
    expect(iso(slaStatus(t, p, at("2024-12-24T15:00")).resolution!.deadline)).toBe("2024-12-26T15:00");
  });

  it("S8: Europe/Berlin weekends open all day: 2023-03-25 22:00Z to 2023-03-26 04:00Z counts 6 h across the DST change", () => {
    const weekend = { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] };
    const p = oneMetric("resolution", "72h", { id: "biz", version: 1, timeZone: "Europe/Berlin", week: weekend });
    const t = history(p.policy, [["2023-03-25T22:00", "open"]]);
    expect(slaStatus(t, p, at("2023-03-26T04:00")).resolution!.elapsed).toBe(6 * HOUR);
  });

  it("S9: 24×7 resolution 2 h pauses while awaiting the customer: 08:00 open, 09:00 await, 10:05 reply → 11:05", () => {
    const p = compiled({ metrics: { resolution: { targets: { normal: "2h" } } } });
    const t = history(p.policy, [
      ["2025-03-04T08:00", "open"],
      ["2025-03-04T09:00", "await"],
      ["2025-03-04T10:05", "comment"],
    ]);
    const r = slaStatus(t, p, at("2025-03-04T10:05")).resolution!;
    expect(iso(r.deadline)).toBe("2025-03-04T11:05");
    expect(r.elapsed).toBe(HOUR);
  });
});
