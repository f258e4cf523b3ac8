/**
 * In-memory specifics beyond the shared contract: a checkpoint is the count of log entries
 * read, so one past the end of the log was never issued and must not silently skip events
 * appended later.
 */
import { isInvalidCheckpoint } from "@ticketfold/core";
import { sampleEvents } from "@ticketfold/testing/store-contract";
import { describe, expect, it } from "vitest";
import { createInMemoryEventStore } from "./index.js";

describe("in-memory readAll checkpoints", () => {
  it.each(["-1", "1.5", "abc", "", "3", "99"])("rejects %j on a 2-event log with INVALID_CHECKPOINT", async (c) => {
    const store = createInMemoryEventStore();
    await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "no_stream" });
    const error = await store.readAll({ after: c }).catch((e: unknown) => e);
    expect(isInvalidCheckpoint(error)).toBe(true);
    expect(error).toMatchObject({ checkpoint: c });
  });

  it("uses the injected clock and id source", async () => {
    let id = 0;
    const store = createInMemoryEventStore({ now: () => 1_700_000_000_000, newEventId: () => `id-${++id}` });
    const { events } = await store.appendToStream("t1", "s1", sampleEvents(2), { expectedVersion: "any" });
    expect(events.map((e) => [e.eventId, e.recordedAt])).toEqual([
      ["id-1", 1_700_000_000_000],
      ["id-2", 1_700_000_000_000],
    ]);
  });
});
