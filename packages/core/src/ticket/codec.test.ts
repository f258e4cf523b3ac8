/**
 * Laws of the event and command boundaries: every event survives encode → JSON → decode
 * unchanged (every type in events.ts), and decoding ANY JSON value — random JSON, or objects
 * shaped like events and commands with random field values — never throws; a refusal always
 * names at least one issue with a path and a message.
 */

import { actorArb, eventArb, eventOfTypeArb, instantArb, tenantIdArb, ticketIdArb } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeCommand, decodeEvent, encodeEvent } from "./codec.js";
import { commandTypes } from "./commands.js";
import { eventTypes } from "./events.js";

const viaJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u));

const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A field that is usually right, sometimes any JSON at all. */
const mostly = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: anyJson });

const shaped = (types: readonly string[]) =>
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...types), anyJson),
      schemaVersion: fc.oneof(fc.integer({ min: 0, max: 3 }), anyJson),
      ticketId: mostly(ticketIdArb),
      tenantId: mostly(tenantIdArb),
      at: mostly(instantArb().map((ms) => new Date(ms).toISOString())),
      actor: mostly(actorArb()),
      data: fc.oneof(anyJson, fc.dictionary(fc.string({ maxLength: 12 }), anyJson)),
    },
    { requiredKeys: [], noNullPrototype: true },
  );

/** A valid encoded event with one field (at any depth) replaced by random JSON. */
const corrupted = fc.tuple(eventArb, anyJson, fc.nat()).map(([event, junk, pick]) => {
  const json = viaJson(encodeEvent(event)) as Record<string, unknown>;
  const data = json.data as Record<string, unknown>;
  const keys = [
    ...Object.keys(json).map((k) => [json, k] as const),
    ...Object.keys(data).map((k) => [data, k] as const),
  ];
  const [target, key] = keys[pick % keys.length] as readonly [Record<string, unknown>, string];
  target[key] = junk;
  return json;
});

const expectIssues = (decoded: E.Either<{ issues: readonly { path: unknown; message: unknown }[] }, unknown>) => {
  if (E.isRight(decoded)) return;
  expect(decoded.left.issues.length).toBeGreaterThanOrEqual(1);
  for (const issue of decoded.left.issues) {
    expect(typeof issue.path).toBe("string");
    expect(typeof issue.message).toBe("string");
    expect((issue.message as string).length).toBeGreaterThan(0);
  }
};

describe("law: decode(encode(e)) = e", () => {
  it.each(eventTypes)("for every %s event", (type) => {
    fc.assert(
      fc.property(eventOfTypeArb(type), (event) => {
        expect(decodeEvent(viaJson(encodeEvent(event)))).toEqual(E.right(event));
      }),
      { numRuns: 40 },
    );
  });
});

describe("law: decoding any JSON never throws and explains every refusal", () => {
  it.each([
    ["any JSON value", anyJson],
    ["objects shaped like events", shaped(eventTypes)],
    ["valid events with one field corrupted", corrupted],
  ] as const)("decodeEvent: %s", (_name, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, (u) => {
        expectIssues(decodeEvent(u));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["any JSON value", anyJson],
    ["objects shaped like commands", shaped(commandTypes)],
  ] as const)("decodeCommand: %s", (_name, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, (u) => {
        const decoded = decodeCommand(u);
        expectIssues(decoded as E.Either<{ issues: readonly { path: unknown; message: unknown }[] }, unknown>);
        if (E.isLeft(decoded)) expect(decoded.left.code).toBe("INVALID_COMMAND");
      }),
      { numRuns: 300 },
    );
  });

  it("names the bad path of a corrupt field", () => {
    const decoded = decodeEvent({
      type: "time-logged",
      schemaVersion: 1,
      ticketId: "01HZZZZZZZZZZZZZZZZZZZZZZZ",
      tenantId: "acme",
      at: "2025-03-03T09:00:00Z",
      actor: { kind: "agent", id: "a1" },
      data: { minutes: "ten", billable: true },
    });
    expect(decoded).toEqual(
      E.left(expect.objectContaining({ issues: [expect.objectContaining({ path: "data.minutes" })] })),
    );
  });
});
