import { decodePolicy, findPriority, loadPolicy, priorityForImpact, resolvePriority } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { allPolicies, pA, pB, pC, pD, pE } from "./index.js";
import pAJson from "./p-a.json" with { type: "json" };
import pBJson from "./p-b.json" with { type: "json" };
import pCJson from "./p-c.json" with { type: "json" };
import pCUnregisteredJson from "./p-c-unregistered.json" with { type: "json" };
import pDJson from "./p-d.json" with { type: "json" };
import pEJson from "./p-e.json" with { type: "json" };

describe("the five policies", () => {
  it.each([
    ["p-a", pAJson],
    ["p-b", pBJson],
    ["p-c", pCJson],
    ["p-d", pDJson],
    ["p-e", pEJson],
  ])("%s decodes", (id, json) => {
    const decoded = decodePolicy(json);
    expect(decoded._tag).toBe("Right");
    expect(allPolicies.map((p) => p.id)).toContain(id);
  });

  it.each([
    ["p-a", pAJson],
    ["p-b", pBJson],
    ["p-c", pCJson],
    ["p-c-unregistered", pCUnregisteredJson],
    ["p-d", pDJson],
    ["p-e", pEJson],
  ])("%s loads strictly: no unknown field, calendar or priority anywhere", (id, json) => {
    const loaded = loadPolicy(json);
    expect(loaded._tag === "Left" ? loaded.left.map((e) => e.message) : loaded.right.policy.id).toBe(id);
  });

  it("a typo in a real policy is refused with its path, not ignored", () => {
    const typo = { ...pCJson, sla: { ...pCJson.sla, retaget: "restart" } };
    const loaded = loadPolicy(typo);
    expect(loaded._tag === "Left" && loaded.left.map((e) => [e.code, e.path])).toEqual([
      ["UNKNOWN_FIELD", "sla.retaget"],
    ]);
  });

  it("every policy's default priority is on its own scale", () => {
    for (const p of allPolicies)
      expect(findPriority(p.priorities, p.priorities.default)?.id).toBe(p.priorities.default);
  });

  it("P-C: a missing or malformed priority becomes 4 (Low)", () => {
    expect(pC.priorities.default).toBe("4");
    expect(resolvePriority(pC.priorities, undefined)).toEqual({ priority: "4", defaulted: true });
    expect(resolvePriority(pC.priorities, "urgent!!")).toEqual({ priority: "4", defaulted: true });
    expect(pC.workflow?.requiredFields).toContain("contractId");
  });

  it.each([
    [1, 40, "3"],
    [2, 40, "2"],
    [20, 40, "2"],
    [21, 40, "1"],
    [40, 40, "1"],
  ])("P-A: %i of %i users affected gives priority %s", (affected, total, priority) => {
    expect(priorityForImpact(pA.priorities, affected, total)).toBe(priority);
  });

  it("P-B: change requests and projects need approval and are the only billable categories", () => {
    expect(pB.workflow?.approvalRequired).toEqual(["change-request", "project"]);
    expect(pB.workflow?.billableCategories).toEqual(["change-request", "project"]);
  });

  it("P-D: a closed ticket can always be reopened by a comment", () => {
    expect(pD.workflow?.reopenWindow).toBe("unlimited");
  });

  it("P-E: four priorities, critical to low", () => {
    expect(pE.priorities.levels.map((l) => l.id)).toEqual(["critical", "high", "medium", "low"]);
  });

  it("a policy that does not decode is refused with the path named", () => {
    const bad = decodePolicy({ ...pCJson, workflow: { reopenWindow: "soon" } });
    expect(bad._tag).toBe("Left");
    if (bad._tag === "Left") expect(bad.left.message).toContain("workflow.reopenWindow");
  });
});
