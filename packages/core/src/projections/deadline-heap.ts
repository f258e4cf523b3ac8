/**
 * A binary min-heap of deadlines with updates and removals in O(log n): each item carries its
 * own slot in the heap, so moving or removing it needs no search. Ordered by instant, then by
 * key, so equal deadlines come out in one order every time. Answers "the nearest n" by a
 * best-first walk (O(n log n), the heap untouched) and "due by T" by a walk that stops at the
 * first later deadline of each branch (O(answer)). The live SLA index (sla-index.ts) keeps one.
 */
import type { Instant } from "../shared/instant.js";

/** An item of the heap: its key, its deadline, and its slot (−1 while outside the heap). */
export interface HeapItem {
  readonly key: string;
  at: Instant;
  slot: number;
}

const before = (a: HeapItem, b: HeapItem): boolean => a.at < b.at || (a.at === b.at && a.key < b.key);

export class DeadlineHeap<T extends HeapItem> {
  readonly #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** Puts `item` in the heap at `at`, or moves it there when it is in already. */
  set(item: T, at: Instant): void {
    if (item.slot < 0) {
      item.at = at;
      item.slot = this.#items.length;
      this.#items.push(item);
      this.#up(item.slot);
      return;
    }
    const earlier = at < item.at;
    item.at = at;
    if (earlier) this.#up(item.slot);
    else this.#down(item.slot);
  }

  /** Takes `item` out of the heap (nothing when it is not in). */
  remove(item: T): void {
    const i = item.slot;
    if (i < 0) return;
    const last = this.#items.pop() as T;
    item.slot = -1;
    if (last === item) return;
    this.#items[i] = last;
    last.slot = i;
    this.#up(i);
    this.#down(last.slot);
  }

  /** The item with the nearest deadline, if any. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** The `n` nearest items, nearest first. */
  nearest(n: number): T[] {
    const items = this.#items;
    const out: T[] = [];
    // A frontier of slots, itself a small heap: the next nearest is always on it.
    const frontier: number[] = items.length > 0 ? [0] : [];
    const less = (a: number, b: number): boolean => before(items[a] as T, items[b] as T);
    while (out.length < n && frontier.length > 0) {
      const top = frontier[0] as number;
      const last = frontier.pop() as number;
      if (frontier.length > 0) siftDown(frontier, 0, last, less);
      out.push(items[top] as T);
      for (const child of [2 * top + 1, 2 * top + 2]) if (child < items.length) siftUp(frontier, child, less);
    }
    return out;
  }

  /** Every item due at or before `t`, nearest first. */
  dueBy(t: Instant): T[] {
    const items = this.#items;
    const out: T[] = [];
    const stack = items.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const item = items[i] as T;
      if (item.at > t) continue;
      out.push(item);
      if (2 * i + 1 < items.length) stack.push(2 * i + 1);
      if (2 * i + 2 < items.length) stack.push(2 * i + 2);
    }
    return out.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  #up(i: number): void {
    const items = this.#items;
    const item = items[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (!before(item, p)) break;
      items[i] = p;
      p.slot = i;
      i = parent;
    }
    items[i] = item;
    item.slot = i;
  }

  #down(i: number): void {
    const items = this.#items;
    const n = items.length;
    const item = items[i] as T;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r] as T, items[l] as T) ? r : l;
      const child = items[c] as T;
      if (!before(child, item)) break;
      items[i] = child;
      child.slot = i;
      i = c;
    }
    items[i] = item;
    item.slot = i;
  }
}

/** Pushes `value` on a heap of numbers ordered by `less`. */
const siftUp = (heap: number[], value: number, less: (a: number, b: number) => boolean): void => {
  let i = heap.length;
  heap.push(value);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(value, heap[parent] as number)) break;
    heap[i] = heap[parent] as number;
    i = parent;
  }
  heap[i] = value;
};

/** Puts `value` at slot `i` of a heap of numbers and sifts it down. */
const siftDown = (heap: number[], i: number, value: number, less: (a: number, b: number) => boolean): void => {
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(heap[r] as number, heap[l] as number) ? r : l;
    if (!less(heap[c] as number, value)) break;
    heap[i] = heap[c] as number;
    i = c;
  }
  heap[i] = value;
};
