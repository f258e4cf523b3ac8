/**
 * The five policies obey the SLA laws (`@ticketfold/testing/laws`), as any desk can check its
 * own: every policy law on tickets drawn under each, and the calendar laws (the minute oracle
 * included) on each business calendar they count on. None is skipped: the ladder law, once
 * skipped for P-C (ladder steps were recorded once per ticket, issue #13), holds now that
 * ladder records are kept per cycle of their metric.
 */
import { checkCalendarLaws, checkPolicyLaws } from "@ticketfold/testing/laws";
import { describe, expect, it } from "vitest";
import { allPolicies } from "./index.js";

describe("the policy laws hold for P-A … P-E", () => {
  it.each(allPolicies.map((p) => [p.id, p] as const))("%s", (_, policy) => {
    const report = checkPolicyLaws(policy, { numRuns: 40 });
    expect(report.skipped).toEqual([]);
  });
});

const calendars = allPolicies.flatMap((p) =>
  Object.entries(p.calendars ?? {}).map(([name, def]) => [`${p.id} ${name}`, def] as const),
);

describe("the calendar laws hold for their calendars", () => {
  it.each(calendars)("%s", (_, def) => {
    checkCalendarLaws(def, { numRuns: 15, from: Date.UTC(2024, 0, 1), to: Date.UTC(2028, 0, 1) });
  });
});
