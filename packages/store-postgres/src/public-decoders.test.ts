/**
 * @ticketfold/store-postgres exports one decoder, `TicketFactsC` (a report-facts row of the read
 * side); the records it hands back are decoded by the core (`fromRecorded`, fuzzed in
 * packages/core/src/public-decoders.test.ts). Every exported decoder (a `decode…`/`parse…`
 * function or a codec) is fuzzed here, listed or not.
 */
import { assertDecoderNeverThrows, publicDecoders } from "@ticketfold/testing/laws";
import { describe, expect, it } from "vitest";
import * as storePostgres from "./index.js";

const decoders = publicDecoders(storePostgres);

describe("every public decoder of @ticketfold/store-postgres", () => {
  it("the report facts' codec is the one exported today", () => {
    expect(decoders.map((d) => d.name)).toEqual(["TicketFactsC.decode"]);
  });

  for (const d of decoders) {
    it(`${d.name} never throws, whatever it is given`, () => assertDecoderNeverThrows(d, { numRuns: 150 }));
  }
});
