/**
 * The decoder law itself: it finds a module's decoders by their exports, catches a decoder
 * that throws on a hostile value (a BigInt, a revoked Proxy, a throwing getter planted in a
 * valid value), passes one that refuses, and the kit's own entries export no decoder today
 * (one added later is fuzzed here without being listed).
 */
import { DurationC, TicketIdC } from "@ticketfold/core";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as kit from "../index.js";
import * as simulator from "../simulator/index.js";
import * as workload from "../workload/index.js";
import { assertDecoderNeverThrows, hostileRecipeArb, hostileValue, publicDecoders } from "./decoder-laws.js";
import * as laws from "./index.js";

const strict = (u: unknown) => {
  // Throws on a BigInt (JSON.stringify), a revoked Proxy, or a getter that throws.
  JSON.stringify(u);
  return typeof u === "object" && u !== null && "type" in u ? E.right(u) : E.left({ message: "no", issues: [] });
};

describe("the decoder law", () => {
  it("finds decode…/parse… functions, codecs and records of codecs by their exports", () => {
    const api = {
      decodeThing: strict,
      parseOther: strict,
      ThingC: TicketIdC,
      thingCodecs: { a: TicketIdC, b: DurationC },
      helper: () => 1,
      decoder: strict,
      notCodecs: { a: TicketIdC, b: 1 },
    };
    expect(
      publicDecoders(api)
        .map((d) => d.name)
        .sort(),
    ).toEqual(
      ["decodeThing", "parseOther", 'thingCodecs["a"].decode', 'thingCodecs["b"].decode', "ThingC.decode"].sort(),
    );
  });

  it("catches a decoder that throws on hostile input", async () => {
    await expect(assertDecoderNeverThrows({ name: "strict", decode: strict }, { numRuns: 200 })).rejects.toThrow(
      /strict threw instead of returning a refusal/,
    );
  });

  it("passes a decoder that refuses everything without touching it", async () => {
    await assertDecoderNeverThrows({ name: "refuser", decode: () => E.left({ message: "no" }) }, { numRuns: 100 });
  });

  it("plants hostile values inside valid ones", () => {
    const planted = fc.sample(hostileRecipeArb(fc.constant({ a: { b: 1 } })), { numRuns: 200, seed: 1 });
    expect(planted.some((r) => "valid" in r)).toBe(true);
    for (const recipe of planted) expect(() => hostileValue(recipe)).not.toThrow();
  });

  it("the kit's entries export no decoder today", () => {
    expect([kit, laws, simulator, workload].flatMap((api) => publicDecoders(api).map((d) => d.name))).toEqual([]);
  });
});
