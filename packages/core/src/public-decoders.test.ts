/**
 * Law: every public decoder of @ticketfold/core returns a refusal for anything it is given and
 * never throws. The decoders are found by iterating the package's exports (`publicDecoders`:
 * `decode…`/`parse…` functions, io-ts codecs, records of codecs), so a new decoder is fuzzed
 * without being listed here; decoders of store rows not named so (`fromRecorded`, `traceOf`)
 * are added by hand. Inputs: `hostileRecipeArb` (BigInt, symbols, cycles, throwing getters and
 * Proxies, …), alone or planted at any depth inside valid events, commands, records and
 * policies.
 */
import { commandArb, eventArb, TENANT, TICKET, testPolicies } from "@ticketfold/testing";
import {
  assertDecoderNeverThrows,
  expectDecoderReturns,
  type PublicDecoder,
  publicDecoders,
} from "@ticketfold/testing/laws";
import fc from "fast-check";
import type * as t from "io-ts";
import { describe, expect, it } from "vitest";
import * as core from "./index.js";

const viaJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u));

const validArb: fc.Arbitrary<unknown> = fc.oneof(
  eventArb.map((e) => viaJson(core.encodeEvent(e))),
  eventArb.map((e) => ({
    ...(viaJson(core.toNewEvent(e)) as object),
    eventId: "01J00000000000000000000000",
    tenantId: e.tenantId,
    streamId: e.ticketId,
    version: 1,
    position: "1",
    recordedAt: 0,
  })),
  commandArb({ policies: testPolicies, ticketId: TICKET, tenantId: TENANT }).map((c) =>
    viaJson((core.commandCodecs[c.type] as t.Mixed).encode(c)),
  ),
  fc.constantFrom(...testPolicies).map(viaJson),
);

const byHand: PublicDecoder[] = [
  { name: "fromRecorded", decode: (u) => core.fromRecorded(u as core.RecordedEvent) },
  { name: "traceOf", decode: (u) => core.traceOf(u as core.RecordedEvent) },
];

const decoders = [...publicDecoders(core), ...byHand];

describe("every public decoder of @ticketfold/core", () => {
  it("is found by its export", () => {
    const names = decoders.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "decodeEvent",
        "decodeCommand",
        "decodeCalendar",
        "decodePolicy",
        "decodePolicySelection",
        "PolicyC.decode",
        "NotificationIntentC.decode",
        'commandCodecs["comment"].decode',
        "fromRecorded",
      ]),
    );
  });

  it.each(decoders.map((d) => [d.name, d] as const))("%s never throws, whatever it is given", async (_name, d) => {
    await assertDecoderNeverThrows(d, { valid: validArb, numRuns: 150 });
  });

  it.each([
    ["a BigInt", 1n],
    ["a BigInt type", { type: 1n }],
    ["a symbol", Symbol("x")],
    [
      "a revoked Proxy",
      (() => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      })(),
    ],
  ])("decodeEvent and decodeCommand refuse %s", async (_name, u) => {
    for (const d of decoders.filter((d) => d.name === "decodeEvent" || d.name === "decodeCommand")) {
      await expectDecoderReturns(d, u);
    }
  });
});
