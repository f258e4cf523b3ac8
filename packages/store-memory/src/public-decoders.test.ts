/**
 * @ticketfold/store-memory exports no decoder: the records it hands back are decoded by the
 * core (`fromRecorded`, fuzzed in packages/core/src/public-decoders.test.ts). Should one be
 * exported (a `decode…`/`parse…` function or a codec), it is fuzzed here without being listed.
 */
import { assertDecoderNeverThrows, publicDecoders } from "@ticketfold/testing/laws";
import { describe, expect, it } from "vitest";
import * as storeMemory from "./index.js";

const decoders = publicDecoders(storeMemory);

describe("every public decoder of @ticketfold/store-memory", () => {
  it("none is exported today", () => {
    expect(decoders.map((d) => d.name)).toEqual([]);
  });

  for (const d of decoders) {
    it(`${d.name} never throws, whatever it is given`, () => assertDecoderNeverThrows(d, { numRuns: 150 }));
  }
});
