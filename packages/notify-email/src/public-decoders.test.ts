/**
 * Law: what @ticketfold/notify-email reads from untrusted mail answers anything with a value
 * and never throws. It exports no `decode…`/`parse…` function or codec today (`publicDecoders`
 * finds none; one added later is fuzzed here without being listed); `ticketIdFromThread`, which
 * reads an inbound `In-Reply-To`/`References` value, is fuzzed by hand.
 */
import { assertDecoderNeverThrows, type PublicDecoder, publicDecoders } from "@ticketfold/testing/laws";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as notifyEmail from "./index.js";

const found = publicDecoders(notifyEmail);
const decoders: PublicDecoder[] = [
  ...found,
  { name: "ticketIdFromThread", decode: (u) => notifyEmail.ticketIdFromThread(u as string) },
];

describe("every reader of untrusted input in @ticketfold/notify-email", () => {
  it("is listed: no decoder is exported by name today", () => {
    expect(found.map((d) => d.name)).toEqual([]);
  });

  it.each(decoders.map((d) => [d.name, d] as const))("%s never throws, whatever it is given", async (_name, d) => {
    await assertDecoderNeverThrows(d, {
      numRuns: 150,
      valid: fc.constant(["<ticket.01HZX3K9Q7W2E5R8T1Y4V6J0PA@desk.example>"]),
    });
  });

  it("still reads a ticket id from a thread reference", () => {
    const id = "01HZX3K9Q7W2E5R8T1Y4V6J0PA";
    expect(notifyEmail.ticketIdFromThread(notifyEmail.ticketThreadId(id, "desk.example"))).toBe(id);
  });
});
