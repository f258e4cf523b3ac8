/**
 * The seeded week is deterministic and plausible: the same start gives the same steps (ids,
 * times, text); every ticket opens on a working day in its customer's office hours (local
 * time), or in the last hours for the fresh ones; nothing happens after the start.
 */
import { parseInstant } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { organisations } from "./organisations.js";
import { weekSteps } from "./seed.js";

const start = parseInstant("2026-03-06T15:00:00Z") as number;

const localParts = (at: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  return {
    weekday: parts.find((p) => p.type === "weekday")?.value,
    hour: Number(parts.find((p) => p.type === "hour")?.value),
  };
};

describe("the seeded week", () => {
  it("is the same for the same start, and another for another start", () => {
    expect(weekSteps(start as never)).toEqual(weekSteps(start as never));
    expect(weekSteps((start + 3_600_000) as never)).not.toEqual(weekSteps(start as never));
  });

  it("opens 25 tickets on working days in office hours where each customer sits, all before the start", () => {
    const steps = weekSteps(start as never);
    const opens = steps.filter((s) => s.type === "open");
    expect(opens).toHaveLength(25);
    for (const s of steps) expect(s.at).toBeLessThan(start);
    for (const open of opens) {
      const org = organisations.find((o) => o.name === (open.data as { organisation: string }).organisation);
      expect(org).toBeDefined();
      if (start - open.at < 3 * 3_600_000) continue; // the fresh ones: in the last hours
      const local = localParts(open.at, org?.timeZone ?? "UTC");
      expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(local.weekday);
      expect(local.hour).toBeGreaterThanOrEqual(8);
      expect(local.hour).toBeLessThan(17);
    }
  });

  it("holds internal notes, questions to the customer, re-targets, escalations and a reopen", () => {
    const types = new Set(weekSteps(start as never).map((s) => s.type));
    for (const t of ["comment", "await-customer", "change-priority", "request-escalation", "resolve", "close"])
      expect(types).toContain(t);
    const internal = weekSteps(start as never).filter(
      (s) => s.type === "comment" && (s.data as { visibility?: string }).visibility === "internal",
    );
    expect(internal.length).toBeGreaterThan(2);
  });
});
