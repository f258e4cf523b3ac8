/**
 * What a store can hold, checked against independent oracles: a text is storable exactly when
 * it has no U+0000 and encodes as UTF-8 (encodeURIComponent throws on a lone surrogate); a JSON
 * value exactly when its JSON text has no escape PostgreSQL's jsonb refuses (`\u0000` or a
 * lone-surrogate `\udXXX`). The first bad place is named by its path; nothing ever throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUnstorable, MAX_JSON_DEPTH, toStorableText, unstorableText } from "./storable.js";

const encodes = (s: string): boolean => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

/** Strings rich in the troublesome code units: NUL, both surrogate halves, and plain text. */
const risky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\\", "u", "0"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
});

// An odd run of backslashes before `u…` is an escape; an even run escapes the backslashes.
const JSONB_REFUSES = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

describe("unstorableText", () => {
  it("law: refuses exactly the texts with U+0000 or a lone surrogate", () =>
    fc.assert(
      fc.property(risky, (s) => {
        expect(unstorableText(s) === undefined).toBe(!s.includes("\u0000") && encodes(s));
      }),
      { numRuns: 2000 },
    ));

  it.each([
    ["a\u0000b", /U\+0000 \(NUL\) at index 1/],
    ["ok \uD800", /lone surrogate U\+D800 at index 3/],
    ["\uDC00 first", /lone surrogate U\+DC00 at index 0/],
  ])("says what and where: %j", (s, message) => {
    expect(unstorableText(s)).toMatch(message);
  });

  it("keeps surrogate pairs (emoji) and every other character", () => {
    expect(unstorableText("héllo 😀 \uFFFF \u0001")).toBeUndefined();
  });
});

describe("toStorableText", () => {
  it("law: the result is storable, as long, and changes only what could not be stored", () =>
    fc.assert(
      fc.property(risky, (s) => {
        const kept = toStorableText(s);
        expect(unstorableText(kept)).toBeUndefined();
        expect(kept.length).toBe(s.length);
        if (unstorableText(s) === undefined) expect(kept).toBe(s);
        for (let i = 0; i < s.length; i++) {
          if (kept[i] !== s[i]) expect(kept[i]).toBe("\uFFFD");
        }
      }),
      { numRuns: 2000 },
    ));
});

describe("findUnstorable", () => {
  it("law: refuses exactly the JSON values whose JSON text jsonb refuses", () =>
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary", maxDepth: 3 }), risky, (value, s) => {
        for (const v of [value, { [s]: value }, [value, s]]) {
          const text = JSON.stringify(v);
          expect(findUnstorable(v, "data") === undefined).toBe(!JSONB_REFUSES.test(text));
        }
      }),
      { numRuns: 1000 },
    ));

  it.each([
    [{ a: { b: ["ok", "x\u0000"] } }, "data.a.b[1]"],
    [{ "two words": "\uD800" }, 'data["two words"]'],
    [{ "k\u0000": 1 }, 'data["k\\u0000"]'],
    [[1, { n: 2n }], "data[1].n"],
    [{ minutes: Number.NaN }, "data.minutes"],
    [{ a: [0, Number.POSITIVE_INFINITY] }, "data.a[1]"],
    [{ a: [0, Number.NEGATIVE_INFINITY] }, "data.a[1]"],
  ])("names the first bad place %#", (value, path) => {
    expect(findUnstorable(value, "data")?.path).toBe(path);
  });

  it("keeps finite numbers, -0 and the largest doubles", () => {
    expect(findUnstorable({ a: [0, -0, 1.5, Number.MAX_VALUE, -Number.MIN_VALUE] }, "data")).toBeUndefined();
  });

  it("refuses a cycle, a throwing getter or toJSON, and nesting past the limit, without throwing", () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const getter = Object.defineProperty({}, "boom", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    let deep: unknown = "leaf";
    for (let i = 0; i <= MAX_JSON_DEPTH; i++) deep = [deep];
    expect(findUnstorable(cycle, "d")).toMatchObject({ path: "d.self", reason: expect.stringMatching(/itself/) });
    expect(findUnstorable({ x: getter }, "d")).toMatchObject({ path: "d.x.boom", reason: "threw when read: no" });
    expect(findUnstorable({ toJSON: () => [][0] }, "d")).toBeUndefined();
    expect(findUnstorable(deep, "d")?.reason).toMatch(/deeper than/);
  });

  it("follows toJSON as JSON.stringify does, and shares no state between calls", () => {
    const shared = { s: "fine" };
    expect(findUnstorable({ when: new Date(0), a: shared, b: shared }, "d")).toBeUndefined();
    expect(findUnstorable({ toJSON: () => "bad\u0000" }, "d")).toMatchObject({ path: "d" });
  });

  it("law: never throws, whatever it is given", () =>
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), (v) => {
        const found = findUnstorable(v, "v");
        if (found) expect(found.path.startsWith("v")).toBe(true);
      }),
    ));
});
