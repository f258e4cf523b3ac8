/**
 * "Why is this due at X?" on the five policies: `explainSla` lays a clock out as counted,
 * paused and out-of-hours periods (holidays named), the re-targets that applied, and the
 * calendar and policy it counted on; its deadline is the engine's. Instants in UTC.
 */
import {
  compilePolicy,
  explainSla,
  formatInstant,
  HOUR,
  type MetricName,
  MINUTE,
  type Policy,
  type SlaExplanation,
  type TicketState,
} from "@ticketfold/core";
import { at, given, type Scenario } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pA, pB, pC, pD, pE } from "../index.js";

const explain = (policy: Policy, scenario: Scenario, metric: MetricName, now: string) => {
  const compiled = compilePolicy(policy);
  if (compiled._tag === "Left") throw new Error(compiled.left.message);
  const state: TicketState = scenario.state;
  const e = explainSla(state, compiled.right, metric, Date.parse(now));
  if (e === null) throw new Error(`no ${metric} clock`);
  // The engine's own answer, for the same ticket at the same instant.
  expect(e.deadline).toBe(scenario.slaAt(now)[metric]?.deadline);
  return e;
};

/** The periods as [from, to, kind] in ISO minutes, with holiday names. */
const periods = (e: SlaExplanation) =>
  e.periods.map((p) => [
    formatInstant(p.from).slice(0, 16),
    formatInstant(p.to).slice(0, 16),
    p.kind + (p.projected ? " (projected)" : ""),
    ...(p.holidays ?? []).map((h) => `${h.date} ${h.name ?? ""}`.trim()),
  ]);

describe("P-D: opened Friday 16:30 in Berlin before Whit Monday", () => {
  const s = given(pD).opened({ at: "2026-05-22T14:30Z", channel: "web", priority: "normal", subject: "Composer" });
  const explained = () => explain(pD, s, "response", "2026-05-22T15:00Z");

  it("counts the half hour left on Friday, skips the weekend and Whit Monday, and is due Tuesday 12:30", () => {
    const e = explained();
    expect(periods(e)).toEqual([
      ["2026-05-22T14:30", "2026-05-22T15:00", "counted"],
      ["2026-05-22T15:00", "2026-05-26T07:00", "out-of-hours (projected)", "2026-05-25 Pfingstmontag"],
      ["2026-05-26T07:00", "2026-05-26T10:30", "counted (projected)"],
    ]);
    expect(formatInstant(e.deadline)).toBe("2026-05-26T10:30:00.000Z");
    expect(e.holidaysSkipped).toEqual([{ date: "2026-05-25", name: "Pfingstmontag" }]);
  });

  it("names the calendar and policy it counted on, with their versions", () => {
    const e = explained();
    expect(e.calendar).toEqual({ id: "p-d-office", version: 2, name: "office", timeZone: "Europe/Berlin" });
    expect(e.policy).toEqual({ id: "p-d", version: null });
    expect([e.priority, e.target, e.elapsed, e.remaining]).toEqual(["normal", 4 * HOUR, 30 * MINUTE, 3.5 * HOUR]);
    expect(e.summary).toBe(
      "response is due at 2026-05-26T10:30:00.000Z: the 4h target for priority normal counts on calendar office " +
        "(p-d-office v2, Europe/Berlin) from 2026-05-22T14:30:00.000Z; 30m counted so far, 0m paused, 3d16h out of hours " +
        "(holidays skipped: 2026-05-25 Pfingstmontag); policy p-d.",
    );
  });

  it("is plain data: it survives JSON unchanged", () => {
    const e = explained();
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});

describe("P-D in Rückfrage: the wait on the customer is a paused period", () => {
  it("counted, paused while awaiting the customer, counted again after the answer", () => {
    const s = given(pD)
      .opened({ at: "2025-03-03T09:00Z", channel: "web", priority: "normal", subject: "Composer" })
      .then(at("2025-03-03T10:00Z").askCustomer("Bitte senden Sie uns die Log-Datei."))
      .then(at("2025-03-04T13:00Z").comment("Die Log-Datei ist angehängt."));
    const e = explain(pD, s, "resolution", "2025-03-04T14:00Z");
    expect(periods(e).slice(0, 4)).toEqual([
      ["2025-03-03T09:00", "2025-03-03T10:00", "counted"],
      ["2025-03-03T10:00", "2025-03-04T13:00", "paused"],
      ["2025-03-04T13:00", "2025-03-04T14:00", "counted"],
      ["2025-03-04T14:00", "2025-03-04T16:00", "counted (projected)"],
    ]);
    expect(e.periods[1]?.status).toBe("awaiting-customer");
    expect(e.pausedWhile).toEqual(["awaiting-customer", "resolved", "closed"]);
    expect(e.elapsed).toBe(2 * HOUR);
  });
});

describe("P-B: opened the afternoon before Thanksgiving", () => {
  it("skips Thanksgiving Day and is due Friday 09:30 Eastern", () => {
    const s = given(pB).opened({ at: "2025-11-26T20:30Z", channel: "email" });
    const e = explain(pB, s, "response", "2025-11-26T20:30Z");
    expect(periods(e)).toEqual([
      ["2025-11-26T20:30", "2025-11-26T21:00", "counted (projected)"],
      ["2025-11-26T21:00", "2025-11-28T14:00", "out-of-hours (projected)", "2025-11-27 Thanksgiving Day"],
      ["2025-11-28T14:00", "2025-11-28T14:30", "counted (projected)"],
    ]);
    expect(e.calendar.timeZone).toBe("America/New_York");
  });
});

describe("P-C: a priority change keeps the start and re-targets", () => {
  it("lists the re-target, and the deadline follows the new target from the original start", () => {
    const s = given(pC)
      .opened({ at: "2025-03-03T09:00Z", contractId: "SC-2025-0042", priority: "1" })
      .then(at("2025-03-03T11:00Z").changePriority("3", "workaround"));
    const e = explain(pC, s, "resolution", "2025-03-03T11:00Z");
    expect(e.retargets).toEqual([
      { at: Date.parse("2025-03-03T11:00Z"), change: "priority", from: "1", to: "3", effect: "new-target" },
    ]);
    expect([e.priority, formatInstant(e.deadline)]).toEqual(["3", "2025-03-06T09:00:00.000Z"]);
    // 24x7: no hours to be out of.
    expect(e.periods.map((p) => p.kind)).toEqual(["counted", "counted"]);
    expect(e.summary).toContain("re-targeted priority 1→3 at 2025-03-03T11:00:00.000Z (new-target)");
  });
});

describe("P-A: round the clock", () => {
  it("one counted run, on the built-in 24x7 calendar", () => {
    const s = given(pA).opened({
      at: "2025-03-03T09:00Z",
      channel: "phone",
      affectedUsers: 1,
      totalUsers: 40,
      intake: { startedAt: "today", troubleshooting: "restarted", location: "remote", impactOnWork: "none" },
    });
    const e = explain(pA, s, "response", "2025-03-03T10:00Z");
    expect(e.calendar).toEqual({ id: "24x7", version: 1, name: "24x7", timeZone: "UTC" });
    expect(periods(e)).toEqual([
      ["2025-03-03T09:00", "2025-03-03T10:00", "counted"],
      ["2025-03-03T10:00", "2025-03-03T17:00", "counted (projected)"],
    ]);
  });
});

describe("P-E: a breach, explained after the fact", () => {
  it("the deadline lies in the counted periods, where the target ran out", () => {
    const s = given(pE).opened({ at: "2025-03-07T16:00Z", channel: "web", priority: "critical" });
    const e = explain(pE, s, "response", "2025-03-10T12:00Z");
    expect(e.state).toBe("breached");
    expect(periods(e)).toEqual([
      ["2025-03-07T16:00", "2025-03-07T18:00", "counted"],
      ["2025-03-07T18:00", "2025-03-10T09:00", "out-of-hours"],
      ["2025-03-10T09:00", "2025-03-10T12:00", "counted"],
    ]);
    expect(formatInstant(e.deadline)).toBe("2025-03-07T17:00:00.000Z");
    expect(e.breachedAt).toBe(e.deadline);
  });
});
