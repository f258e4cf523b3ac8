/**
 * Digests: FNV-1a 64 gives the published test vectors; canonical JSON does not depend on key
 * order and leaves undefined members out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, fnv1a64 } from "./digest.js";

describe("fnv1a64", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("%j ⇒ %s", (input, digest) => expect(fnv1a64(input)).toBe(digest));
});

describe("canonicalJson", () => {
  it("law: the same value with its keys in any order gives the same text, and parses back to it", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(JSON.stringify(value), (_k, v) =>
          typeof v === "object" && v !== null && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("leaves undefined members out", () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined] })).toBe('{"b":1,"c":[null]}');
  });
});
