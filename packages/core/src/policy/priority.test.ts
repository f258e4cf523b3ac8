/**
 * Priority scales: lookup by id or name (case-insensitive, trimmed), lenient intake (P-C:
 * missing or malformed ⇒ default) and impact (P-A: over 50% ⇒ 1, otherwise 2, one user ⇒ 3).
 */
import { describe, expect, it } from "vitest";
import {
  findPriority,
  type PriorityScale,
  priorityForImpact,
  priorityRank,
  resolveKeyFieldPriority,
  resolvePriority,
} from "./priority.js";

const scale = {
  levels: [
    { id: "1", name: "Critical" },
    { id: "2", name: "Serious" },
    { id: "3", name: "Standard" },
  ],
  default: "3",
  impact: { singleUser: "3", rules: [{ aboveShare: 0.5, priority: "1" }], otherwise: "2" },
} as unknown as PriorityScale;

describe("priority scale", () => {
  it.each([
    ["1", "1"],
    [2, "2"],
    ["critical", "1"],
    [" SERIOUS ", "2"],
    ["4", undefined],
    ["", undefined],
    [null, undefined],
    [true, undefined],
  ])("findPriority(%j) = %s", (raw, id) => {
    expect(findPriority(scale, raw)?.id).toBe(id);
  });

  it.each([
    [undefined, { priority: "3", defaulted: true }],
    ["nonsense", { priority: "3", defaulted: true }],
    ["Critical", { priority: "1", defaulted: false }],
  ])("resolvePriority(%j)", (raw, expected) => {
    expect(resolvePriority(scale, raw)).toEqual(expected);
  });

  it.each([
    [1, 1, "3"],
    [1, 50, "3"],
    [2, 4, "2"],
    [3, 4, "1"],
    [26, 50, "1"],
    [25, 50, "2"],
    [80, 40, "1"],
    [0, 10, undefined],
    [5, 0, undefined],
  ])("%i of %i users ⇒ %s", (affected, total, expected) => {
    expect(priorityForImpact(scale, affected, total)).toBe(expected);
  });

  it("ranks the most urgent first", () => {
    expect(["1", "2", "3", "9"].map((id) => priorityRank(scale, id))).toEqual([0, 1, 2, -1]);
  });

  it("a scale without impact rules has no impact priority", () => {
    expect(priorityForImpact({ ...scale, impact: undefined } as unknown as PriorityScale, 9, 10)).toBeUndefined();
  });
});

describe("key fields: ids, or ids and names, as the scale says", () => {
  it.each([
    ["ids-or-names", "Serious", { priority: "2", defaulted: false }],
    ["ids", "Serious", { priority: "3", defaulted: true }],
    ["ids", " 2 ", { priority: "2", defaulted: false }],
    [undefined, "critical", { priority: "1", defaulted: false }],
  ] as const)("keyFieldValues %s: %j → %j", (keyFieldValues, raw, expected) => {
    const s = keyFieldValues === undefined ? scale : ({ ...scale, keyFieldValues } as PriorityScale);
    expect(resolveKeyFieldPriority(s, raw)).toEqual(expected);
  });

  it("a level whose name is another level's id is found by id first, names or not", () => {
    const tricky = {
      levels: [
        { id: "1", name: "2" },
        { id: "2", name: "Low" },
      ],
      default: "2",
    } as PriorityScale;
    expect(findPriority(tricky, "2")?.id).toBe("2");
    expect(findPriority(tricky, "low", "ids")).toBeUndefined();
  });
});
