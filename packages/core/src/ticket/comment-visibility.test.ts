/**
 * Comment visibility fails closed. A stored `commented` row decodes as a public comment only
 * when every visibility mark it carries says public: a current (v2) row needs
 * `visibility: "public"` and no `internal` other than `false`; a v1 row needs `internal: false`
 * exactly (and no `visibility` other than `"public"`). Anything else that decodes is internal;
 * the rest is a decode error (a `CorruptEvent` from a store). Law: no mutation of an internal
 * note's row (its `internal`, its schema version, extra or missing fields) yields a public one,
 * decoded directly or read as a store record.
 */

import { eventOfTypeArb, TENANT, TICKET } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromRecorded } from "../store/records.js";
import type { RecordedEvent } from "../store/types.js";
import { decodeEvent, encodeEvent } from "./codec.js";

type Row = Record<string, unknown> & { data: Record<string, unknown> };

const row = (schemaVersion: unknown, data: Record<string, unknown>): Row => ({
  type: "commented",
  schemaVersion,
  ticketId: TICKET,
  tenantId: TENANT,
  at: "2025-03-03T09:00:00.000Z",
  actor: { kind: "agent", id: "agent-1" },
  data,
});

const v1 = (marks: Record<string, unknown>) => row(1, { author: "agent", body: "Checked the logs", ...marks });
const v2 = (marks: Record<string, unknown>) =>
  row(2, { author: "agent", body: "Checked the logs", attachments: [], ...marks });

/** "public", "internal" or "refused": what a row decodes as. */
const outcome = (u: unknown): string => {
  const decoded = decodeEvent(u);
  if (E.isLeft(decoded)) return "refused";
  const event = decoded.right;
  return event.type === "commented" ? event.data.visibility : `a ${event.type} event`;
};

/** The same row as a store hands it back: schema version a column, instant and actor metadata. */
const asRecord = (r: Row): RecordedEvent => ({
  eventId: "01J00000000000000000000000",
  tenantId: TENANT,
  streamId: TICKET,
  version: 1,
  position: "1",
  recordedAt: 0,
  type: r.type as string,
  schemaVersion: r.schemaVersion as number,
  data: r.data,
  metadata: { at: r.at, actor: r.actor },
});

const recordOutcome = (r: Row): string => {
  const decoded = fromRecorded(asRecord(r));
  if (E.isLeft(decoded)) return "refused";
  const event = decoded.right;
  return event.type === "commented" ? event.data.visibility : `a ${event.type} event`;
};

describe("comment visibility fails closed", () => {
  it.each([
    ["v1 internal: true", "internal", v1({ internal: true })],
    ["v1 internal: false", "public", v1({ internal: false })],
    ['v1 internal: "true"', "internal", v1({ internal: "true" })],
    ['v1 internal: "false"', "internal", v1({ internal: "false" })],
    ["v1 internal: 1", "internal", v1({ internal: 1 })],
    ["v1 internal: 0", "internal", v1({ internal: 0 })],
    ["v1 internal: null", "internal", v1({ internal: null })],
    ["v1 internal: {}", "internal", v1({ internal: {} })],
    ["v1 without internal", "internal", v1({})],
    ["v1 internal: false with visibility internal", "internal", v1({ internal: false, visibility: "internal" })],
    ["v1 internal: false with visibility junk", "internal", v1({ internal: false, visibility: 1 })],
    ["v1 internal: false with visibility public", "public", v1({ internal: false, visibility: "public" })],
    ["a current internal note claiming v1", "internal", row(1, { ...v2({ visibility: "internal" }).data })],
    ["a current public note claiming v1", "internal", row(1, { ...v2({ visibility: "public" }).data })],
    ["v2 public", "public", v2({ visibility: "public" })],
    ["v2 internal", "internal", v2({ visibility: "internal" })],
    ["v2 public with internal: true", "internal", v2({ visibility: "public", internal: true })],
    ['v2 public with internal: "true"', "internal", v2({ visibility: "public", internal: "true" })],
    ["v2 public with internal: 1", "internal", v2({ visibility: "public", internal: 1 })],
    ["v2 public with internal: null", "internal", v2({ visibility: "public", internal: null })],
    ["v2 public with internal: false", "public", v2({ visibility: "public", internal: false })],
    ["v2 internal with internal: false", "internal", v2({ visibility: "internal", internal: false })],
    ["v2 without visibility", "refused", v2({})],
    ['v2 visibility: "Public"', "refused", v2({ visibility: "Public" })],
    ["v2 visibility: true", "refused", v2({ visibility: true })],
    ["an internal note claiming v3", "refused", row(3, { ...v2({ visibility: "internal" }).data })],
    ['an internal note claiming v"1"', "refused", row("1", { ...v1({ internal: true }).data })],
    ["an internal note claiming v0", "refused", row(0, { ...v1({ internal: true }).data })],
  ] as const)("%s decodes as %s", (_name, expected, stored) => {
    expect(outcome(stored)).toBe(expected);
    expect(recordOutcome(stored)).toBe(expected);
  });
});

/** The row of an internal note: a current one (visibility internal) or a v1 one (internal: true). */
const internalRowArb: fc.Arbitrary<Row> = fc.oneof(
  eventOfTypeArb("commented").map((e) => {
    const encoded = JSON.parse(JSON.stringify(encodeEvent(e))) as Row;
    return { ...encoded, data: { ...encoded.data, visibility: "internal" } };
  }),
  eventOfTypeArb("commented").map((e) => {
    const encoded = JSON.parse(JSON.stringify(encodeEvent(e))) as Row;
    const { visibility: _v, attachments: _a, ...rest } = encoded.data;
    return { ...encoded, schemaVersion: 1, data: { ...rest, internal: true } };
  }),
);

const junk = fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true });
const versionArb = fc.oneof(
  fc.integer({ min: -1, max: 4 }),
  fc.constantFrom("1", "2", 1.5, Number.NaN, 2 ** 31, null, undefined, true),
  junk,
);

type Mutation = (r: Row) => Row;
/**
 * What storage rot, a bad migration or a hostile writer may do to a row, short of turning an
 * internal mark into a public one (`internal: false` alone, `visibility: "public"`).
 */
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  junk
    .filter((v) => v !== false)
    .map(
      (v): Mutation =>
        (r) => ({ ...r, data: { ...r.data, internal: v } }),
    ),
  fc.constant<Mutation>((r) => {
    const { internal: _, ...data } = r.data;
    return { ...r, data };
  }),
  junk
    .filter((v) => v !== "public")
    .map(
      (v): Mutation =>
        (r) => ({ ...r, data: { ...r.data, visibility: v } }),
    ),
  fc.constant<Mutation>((r) => {
    const { visibility: _, ...data } = r.data;
    return { ...r, data };
  }),
  versionArb.map(
    (v): Mutation =>
      (r) => ({ ...r, schemaVersion: v }),
  ),
  fc
    .tuple(fc.string({ maxLength: 12 }), junk)
    .filter(([k]) => k !== "internal" && k !== "visibility")
    .map(
      ([k, v]): Mutation =>
        (r) => ({ ...r, data: { ...r.data, [k]: v } }),
    ),
  fc.nat().map(
    (n): Mutation =>
      (r) => {
        const keys = Object.keys(r.data);
        const drop = keys[n % keys.length];
        return { ...r, data: Object.fromEntries(Object.entries(r.data).filter(([k]) => k !== drop)) };
      },
  ),
);

describe("law: no stored row of an internal note, however malformed, decodes as a public comment", () => {
  it("decodeEvent and fromRecorded", () => {
    fc.assert(
      fc.property(internalRowArb, fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (base, mutations) => {
        const mutated = mutations.reduce((r, m) => m(r), base);
        expect(outcome(mutated)).not.toBe("public");
        expect(recordOutcome(mutated)).not.toBe("public");
      }),
      { numRuns: 1000 },
    );
  });
});
