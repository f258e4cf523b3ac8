/**
 * The deadline heap's law: after any sequence of puts, moves and removals, "the n nearest" and
 * "due by T" are the items still in it sorted by (deadline, key), as a plain sort gives them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeadlineHeap, type HeapItem } from "./deadline-heap.js";

const opArb = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.option(fc.integer({ min: 0, max: 50 }), { freq: 4 }));

describe("deadline heap (properties)", () => {
  it("after any puts, moves and removals its answers are the live items sorted", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), fc.nat(40), fc.integer({ min: -1, max: 51 }), (ops, n, t) => {
        const heap = new DeadlineHeap<HeapItem>();
        const items = new Map<string, HeapItem>();
        for (const [k, at] of ops) {
          const key = `k${k}`;
          const item = items.get(key) ?? { key, at: 0, slot: -1 };
          items.set(key, item);
          if (at === null) heap.remove(item);
          else heap.set(item, at);
        }
        const live = [...items.values()]
          .filter((i) => i.slot >= 0)
          .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1))
          .map((i) => [i.key, i.at]);
        const pairs = (xs: HeapItem[]) => xs.map((i) => [i.key, i.at]);
        expect(heap.size).toBe(live.length);
        expect(pairs(heap.nearest(n))).toEqual(live.slice(0, n));
        expect(pairs(heap.dueBy(t))).toEqual(live.filter(([, at]) => (at as number) <= t));
        expect(heap.peek()?.key).toBe(live[0]?.[0]);
      }),
      { numRuns: 300 },
    );
  });
});
