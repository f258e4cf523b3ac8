/**
 * Law: every public decoder of @ticketfold/intake-email, found by its export (`publicDecoders`:
 * `parseInboundMail` today), answers anything it is given — BigInt, symbols, cycles, throwing
 * getters and Proxies, valid mail with a hostile part — with a value and never throws or
 * rejects ("never throws", docs/email-intake.md).
 */
import { assertDecoderNeverThrows, publicDecoders } from "@ticketfold/testing/laws";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { options, plainMail } from "./fixtures.test-support.js";
import * as intake from "./index.js";

const decoders = publicDecoders(intake, { args: { parseInboundMail: [options()] } });

describe("every public decoder of @ticketfold/intake-email", () => {
  it("is found by its export", () => {
    expect(decoders.map((d) => d.name)).toEqual(expect.arrayContaining(["parseInboundMail"]));
  });

  it.each(decoders.map((d) => [d.name, d] as const))("%s never throws, whatever it is given", async (_name, d) => {
    await assertDecoderNeverThrows(d, {
      numRuns: 60,
      valid: fc.constantFrom(plainMail, Buffer.from(plainMail), { raw: plainMail }),
    });
  });
});
