/** Ticket events in a store: written as typed JSON and read back equal (any event type). */

import { eventArb } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromRecorded, toNewEvent } from "./records.js";
import type { RecordedEvent } from "./types.js";

const record = (e: { ticketId: string; tenantId: string }, fields: ReturnType<typeof toNewEvent>): RecordedEvent => ({
  ...(JSON.parse(JSON.stringify(fields)) as ReturnType<typeof toNewEvent>),
  eventId: "01J00000000000000000000000",
  tenantId: e.tenantId,
  streamId: e.ticketId,
  version: 1,
  position: "1",
  recordedAt: 0,
});

describe("toNewEvent / fromRecorded", () => {
  it("law: every event reads back equal after a JSON round trip", () => {
    fc.assert(
      fc.property(eventArb, (e) => {
        expect(fromRecorded(record(e, toNewEvent(e)))).toEqual(E.right(e));
      }),
      { numRuns: 300 },
    );
  });

  it("a row that does not decode is a CorruptEvent naming where it is", () => {
    const row = {
      ...record(
        { ticketId: "01HZZZZZZZZZZZZZZZZZZZZZZZ", tenantId: "acme" },
        { type: "accepted", schemaVersion: 1, data: {}, metadata: null },
      ),
      version: 7,
    };
    const result = fromRecorded(row);
    expect(result).toEqual(E.left(expect.objectContaining({ code: "CORRUPT_EVENT", tenantId: "acme", version: 7 })));
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["at", "actor"]));
  });
});
