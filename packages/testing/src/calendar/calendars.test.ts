/**
 * The calendar arbitraries make what they promise: definitions the core decodes, in zones with
 * offset changes, with lunch breaks and holidays; instants near edges inside their bounds.
 */
import { compileCalendar, decodeCalendar, MINUTE } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDefArb, weeklyCalendarArb } from "./calendars.js";
import { instantNearEdgesArb } from "./edges.js";
import { zoneTransitions } from "./zoneTransitions.js";

describe("calendar arbitraries", () => {
  it("every calendar definition decodes with the core's decodeCalendar", () => {
    fc.assert(
      fc.property(calendarDefArb(), (def) => {
        const decoded = decodeCalendar(def);
        if (decoded._tag === "Left") throw new Error(decoded.left.message);
      }),
      { numRuns: 300 },
    );
  });

  it("covers lunch breaks, holidays, holiday rules, overrides, DST zones and 24x7", () => {
    const defs = fc.sample(calendarDefArb(), { numRuns: 400, seed: 7 });
    const weekly = defs.filter((d) => d.kind !== "24x7");
    expect(defs.some((d) => d.kind === "24x7")).toBe(true);
    expect(weekly.some((d) => Object.values(d.week).some((day) => (day?.length ?? 0) >= 2))).toBe(true);
    expect(weekly.some((d) => d.holidays?.some((h) => typeof h === "string"))).toBe(true);
    expect(weekly.some((d) => d.holidays?.some((h) => typeof h !== "string"))).toBe(true);
    expect(weekly.some((d) => Object.keys(d.overrides ?? {}).length > 0)).toBe(true);
    expect(new Set(weekly.map((d) => d.timeZone))).toContain("Australia/Lord_Howe");
  });

  it("instants near edges stay in their bounds, whole minutes when asked, and often sit on an offset change", () => {
    const from = Date.UTC(2025, 0, 1);
    const to = Date.UTC(2025, 11, 31);
    const changes = new Set(zoneTransitions("Europe/Berlin", 2025, 2025));
    expect(changes.size).toBe(2);
    const berlin = fc.sample(weeklyCalendarArb({ zones: ["Europe/Berlin"] }), { numRuns: 1, seed: 3 })[0];
    if (berlin === undefined) throw new Error("no calendar sampled");
    const instants = fc.sample(instantNearEdgesArb(berlin, { from, to, minuteAligned: true }), {
      numRuns: 500,
      seed: 5,
    });
    for (const t of instants) {
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(to);
      expect(t % MINUTE).toBe(0);
    }
    expect(instants.some((t) => changes.has(t))).toBe(true);
    // Interval edges: the instant an interval opens or closes (or a minute either side).
    const cal = compileCalendar(berlin);
    expect(instants.some((t) => cal.isOpen(t) !== cal.isOpen(t - 1))).toBe(true);
  });
});
