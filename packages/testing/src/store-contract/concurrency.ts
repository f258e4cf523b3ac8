/**
 * Contract: optimistic concurrency under racing writers. N appends with the same expected
 * version start together; exactly one wins, every other one is a CONCURRENCY_CONFLICT, and the
 * stream holds the winner's event and nothing else. (This is how a racing "open ticket" is
 * kept from appending onto a ticket that already exists.)
 */
import { isConcurrencyConflict } from "@ticketfold/core";
import { expect, it } from "vitest";
import { type MakeStore, sampleEvent, sampleEvents, withStore } from "./helpers.js";

export const concurrencyContract = (makeStore: MakeStore, writers: number): void => {
  it.each([
    ["an exact version", 1, 1],
    ["no_stream", 0, "no_stream"],
  ] as const)(`${writers} racing appends expecting %s: exactly one wins`, (_name, existing, expected) =>
    withStore(makeStore, async (store) => {
      if (existing > 0)
        await store.appendToStream("t1", "s1", sampleEvents(existing), { expectedVersion: "no_stream" });
      const racers = Array.from({ length: writers }, (_, i) =>
        store.appendToStream("t1", "s1", [sampleEvent(100 + i)], { expectedVersion: expected }),
      );
      const outcomes = await Promise.allSettled(racers);
      const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
      const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(writers - 1);
      for (const error of lost) {
        expect(isConcurrencyConflict(error)).toBe(true);
        expect(error).toMatchObject({ expected, actual: existing + 1 });
      }
      const read = await store.readStream("t1", "s1");
      expect(read.version).toBe(existing + 1);
      expect(read.events.at(-1)?.data).toMatchObject({ n: 100 + (won[0] as number) });
    }),
  );
};
