/**
 * The decoders refuse what no store can hold, naming its path: text with U+0000 or a lone
 * surrogate (PostgreSQL: SQLSTATE 22P05 / 22P02), NaN and infinite numbers (JSON writes null),
 * and counts that are not whole numbers in `integer` range. Law: a command that decodes is
 * storable, so it never reaches a store to be refused there; the same holds of events.
 */

import { commandArb, eventArb, TENANT, TICKET, testPolicies } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { findUnstorable } from "../shared/storable.js";
import { decodeCommand, decodeEvent, encodeEvent } from "./codec.js";
import { commandCodecs } from "./commands.js";

const envelope = { ticketId: TICKET, tenantId: TENANT, at: "2025-03-03T09:00:00Z", actor: { kind: "agent", id: "a1" } };
const viaJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u));

const refusedAt = (u: unknown): string[] => {
  const decoded = decodeCommand(u);
  if (E.isRight(decoded)) return [];
  return decoded.left.code === "INVALID_COMMAND" ? decoded.left.issues.map((i) => i.path) : [decoded.left.code];
};

describe("decodeCommand refuses what no store can hold, naming the path", () => {
  it.each([
    ["U+0000 in a comment", { type: "comment", data: { body: "a\u0000b" } }, "data.body", "U+0000"],
    ["a lone high surrogate", { type: "comment", data: { body: "a\uD800b" } }, "data.body", "lone surrogate"],
    ["a lone low surrogate", { type: "resolve", data: { resolution: "\uDC00" } }, "data.resolution", "lone surrogate"],
    [
      "U+0000 in the actor's name",
      { type: "accept", actor: { kind: "agent", id: "a1", name: "Ann\u0000" } },
      "actor.name",
      "U+0000",
    ],
    [
      "U+0000 in an attachment name",
      { type: "comment", data: { body: "see", attachments: [{ name: "\u0000", size: 1, contentType: "x" }] } },
      "data.attachments[0].name",
      "U+0000",
    ],
    ["NaN minutes", { type: "log-time", data: { minutes: Number.NaN } }, "data.minutes", "NaN"],
    ["infinite minutes", { type: "log-time", data: { minutes: Number.POSITIVE_INFINITY } }, "data.minutes", "Infinity"],
    [
      "a NaN attachment size",
      { type: "comment", data: { body: "see", attachments: [{ name: "a", size: Number.NaN, contentType: "x" }] } },
      "data.attachments[0].size",
      "NaN",
    ],
    [
      "a cycle of 2^31",
      { type: "record-sla-breach", data: { metric: "response", cycle: 2 ** 31, deadline: "2025-03-03T10:00:00Z" } },
      "data.cycle",
      "whole number",
    ],
    [
      "a fractional escalation step",
      { type: "record-escalation-level", data: { level: 1, metric: "response", step: 0.5, roles: [] } },
      "data.step",
      "whole number",
    ],
    [
      "a NaN escalation level",
      { type: "record-escalation-level", data: { level: Number.NaN, metric: "response", step: 0, roles: [] } },
      "data.level",
      "whole number",
    ],
  ] as const)("%s", (_name, command, path, words) => {
    const decoded = decodeCommand({ ...envelope, ...command });
    expect(E.isLeft(decoded)).toBe(true);
    if (E.isRight(decoded) || decoded.left.code !== "INVALID_COMMAND") return;
    expect(decoded.left.issues.map((i) => i.path)).toContain(path);
    expect(decoded.left.message).toContain(words.startsWith("whole") ? path : words);
  });

  it("text a store can hold, astral characters included, passes", () => {
    expect(refusedAt({ ...envelope, type: "comment", data: { body: "ok \uD83D\uDE00 \uFFFD" } })).toEqual([]);
  });
});

/** Text rich in what stores refuse. */
const riskyText = fc.string({
  unit: fc.oneof(fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uD83D\uDE00", "a"), fc.constant(" ")),
  minLength: 1,
});
const riskyNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 31, 1.5, -1),
  fc.double(),
);

/** `value` (JSON) with its `pick`-th string or number replaced by a risky one of the same kind. */
const plantRisky = (value: unknown, text: string, n: number, pick: number): unknown => {
  const copy = structuredClone(value) as Record<string, unknown>;
  const slots: [Record<string, unknown>, string][] = [];
  const collect = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string" || typeof v === "number") slots.push([node as Record<string, unknown>, k]);
      else collect(v);
    }
  };
  collect(copy);
  const slot = slots[pick % Math.max(slots.length, 1)];
  if (slot) slot[0][slot[1]] = typeof slot[0][slot[1]] === "string" ? text : n;
  return copy;
};

describe("law: whatever decodes can be stored", () => {
  it("decodeCommand: a command with a risky string or number anywhere decodes only if storable", () => {
    fc.assert(
      fc.property(
        commandArb({ policies: testPolicies, ticketId: TICKET, tenantId: TENANT }),
        riskyText,
        riskyNumber,
        fc.nat(),
        (command, text, n, pick) => {
          const input = plantRisky(viaJson((commandCodecs[command.type] as t.Mixed).encode(command)), text, n, pick);
          const decoded = decodeCommand(input);
          if (E.isRight(decoded)) expect(findUnstorable(decoded.right, "command")).toBeUndefined();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("decodeEvent: an event with a risky string or number anywhere decodes only if storable", () => {
    fc.assert(
      fc.property(eventArb, riskyText, riskyNumber, fc.nat(), (event, text, n, pick) => {
        const decoded = decodeEvent(plantRisky(viaJson(encodeEvent(event)), text, n, pick));
        if (E.isRight(decoded)) expect(findUnstorable(decoded.right, "event")).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
