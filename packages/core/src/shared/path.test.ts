/** One path notation for every error (issue 10, item 8): how the value is reached in JavaScript. */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { decodeWith } from "./decode.js";
import { formatPath } from "./path.js";

describe("formatPath", () => {
  it.each<[(string | number)[], string]>([
    [[], ""],
    [["sla", "metrics", "response", "targets", "1"], 'sla.metrics.response.targets["1"]'],
    [["sla", "metrics", "next-reply"], 'sla.metrics["next-reply"]'],
    [["sla", "ladder", 0, "metric"], "sla.ladder[0].metric"],
    [["overrides", "2025-12-31", 0], 'overrides["2025-12-31"][0]'],
    [["managers", "*"], 'managers["*"]'],
    [["say", 'a"b'], 'say["a\\"b"]'],
  ])("%j → %s", (steps, path) => {
    expect(formatPath(steps)).toBe(path);
  });

  it('decode errors use it: a record key "1" is quoted, a list position is not', () => {
    const decode = decodeWith(t.type({ targets: t.record(t.string, t.number), list: t.array(t.number) }), "x");
    const result = decode({ targets: { "1": "x" }, list: [1, "y"] });
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path)).toEqual(['targets["1"]', "list[1]"]);
  });
});
