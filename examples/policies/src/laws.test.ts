/**
 * The five policies obey the SLA laws (`@ticketfold/testing/laws`), as any desk can check its
 * own: every policy law on tickets drawn under each, and the calendar laws (the minute oracle
 * included) on each business calendar they count on. One law is skipped for P-C, with the
 * reason: the laws found it, and issue #13 fixes it.
 */
import { checkCalendarLaws, checkPolicyLaws, type PolicyLawId } from "@ticketfold/testing/laws";
import { describe, it } from "vitest";
import { allPolicies } from "./index.js";

const KNOWN: Readonly<Record<string, Partial<Record<PolicyLawId, string>>>> = {
  "p-c": {
    "ladder-once-per-cycle":
      "issue #13: ladder records are keyed with cycle 0, so after a re-target (a downgrade on silence, a priority change) the steps reached again are not told again",
  },
};

describe("the policy laws hold for P-A … P-E", () => {
  it.each(allPolicies.map((p) => [p.id, p] as const))("%s", (id, policy) => {
    checkPolicyLaws(policy, { numRuns: 40, skip: KNOWN[id] ?? {} });
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
