/** Policies are data: decoding a policy names each bad path; a good one round-trips. */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR } from "../shared/duration.js";
import { PolicyCoreC } from "./lifecycle.js";
import { decodePolicy } from "./policy.js";

const good = {
  id: "p",
  name: "Policy",
  priorities: { levels: [{ id: "1", name: "High" }], default: "1" },
  workflow: { requiredFields: ["contractId"], reopenWindow: "30d", approvalRequired: ["change-request"] },
};

describe("decodePolicy", () => {
  it("decodes durations to milliseconds and encodes them back", () => {
    const decoded = decodePolicy(good);
    expect(E.isRight(decoded) && decoded.right.workflow?.reopenWindow).toBe(720 * HOUR);
    expect(E.isRight(decoded) && PolicyCoreC.encode(decoded.right)).toEqual(good);
  });

  it('accepts reopenWindow "unlimited" and keeps it as written', () => {
    const decoded = decodePolicy({ ...good, workflow: { reopenWindow: "unlimited" } });
    expect(E.isRight(decoded) && decoded.right.workflow?.reopenWindow).toBe("unlimited");
  });

  it.each([
    ["workflow.reopenWindow", { workflow: { reopenWindow: "two weeks" } }],
    ["workflow.requiredFields[0]", { workflow: { requiredFields: ["shoeSize"] } }],
    ["workflow.approvalRequired[0]", { workflow: { approvalRequired: ["everything"] } }],
    ["priorities.levels[0].id", { priorities: { levels: [{ id: " ", name: "High" }], default: "1" } }],
    ["id", { id: "" }],
  ])("names %s when it is wrong", (path, change) => {
    const decoded = decodePolicy({ ...good, ...change });
    expect(E.isLeft(decoded) && decoded.left.issues.map((i) => i.path)).toContain(path);
  });
});
