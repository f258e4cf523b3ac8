/**
 * The live SLA index: per tracked ticket, its clocks as last read (sla/live-clocks.ts), and a
 * heap of the tickets by nearest running deadline (deadline-heap.ts). An event re-reads a
 * ticket's clocks only when it changed a clock fact (its clock log grew or its policy
 * changed), and then carries forward each clock whose start, target and calendar it left as
 * they were (live-clocks.ts), counting from the opening only those it re-framed; a status at `now` is derived from the reading, never by reading the ticket again.
 * "What is due by T" and "the n nearest deadlines" walk the heap only as far as the answer.
 *
 * Owned by one read model (the work queue keeps one); it owns its SLA reader and calendar axes,
 * so nothing is shared with another index. docs/sla.md#the-live-sla-index.
 */
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import { CalendarAxes } from "../sla/calendar-axis.js";
import { clocksCurrent, type LiveClocks, liveStatus, readLiveClocks } from "../sla/live-clocks.js";
import { ClockReader } from "../sla/reader.js";
import type { SlaStatus } from "../sla/status.js";
import type { MetricName } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { DeadlineHeap, type HeapItem } from "./deadline-heap.js";

/** A tracked ticket: its clocks and its place in the heap (by its nearest running deadline). */
interface Tracked extends HeapItem {
  clocks: LiveClocks;
}

/** A ticket's nearest running deadline, as the index orders them. */
export interface SlaDeadline {
  /** The key the ticket is tracked under. */
  readonly key: string;
  readonly deadline: Instant;
  readonly metric: MetricName;
}

export class SlaIndex {
  readonly #reader = new ClockReader();
  readonly #axes = new CalendarAxes();
  readonly #tracked = new Map<string, Tracked>();
  readonly #heap = new DeadlineHeap<Tracked>();

  /** How many tickets are tracked. */
  get size(): number {
    return this.#tracked.size;
  }

  /**
   * Brings a ticket's clocks up to date with its state after an event: re-read only when the
   * event changed a clock fact. False (and the ticket untracked) before it opens.
   */
  track(key: string, ticket: TicketState, policy: CompiledPolicy): boolean {
    const known = this.#tracked.get(key);
    if (known !== undefined && clocksCurrent(known.clocks, ticket, policy)) return true;
    // A new reading overwrites the last one, carrying forward the clocks the event left framed alike.
    const clocks = readLiveClocks(this.#reader, this.#axes, ticket, policy, known?.clocks ?? null);
    if (clocks === null) {
      this.untrack(key);
      return false;
    }
    // `at` starts as a double (NaN), the representation it keeps: no shape change when it is set.
    const tracked = known ?? { key, at: Number.NaN, slot: -1, clocks };
    tracked.clocks = clocks;
    if (known === undefined) this.#tracked.set(key, tracked);
    const deadline = clocks.nextDeadline;
    if (deadline === null) this.#heap.remove(tracked);
    else if (tracked.slot < 0 || tracked.at !== deadline) this.#heap.set(tracked, deadline);
    return true;
  }

  /** Stops tracking a ticket (it left the read model: resolved, closed, deleted). */
  untrack(key: string): void {
    const known = this.#tracked.get(key);
    if (known === undefined) return;
    this.#heap.remove(known);
    this.#tracked.delete(key);
  }

  /** The ticket's statuses at `now` (at or after its last event), as `slaStatus` gives them. */
  status(key: string, now: Instant): SlaStatus | undefined {
    const known = this.#tracked.get(key);
    return known === undefined ? undefined : liveStatus(known.clocks, now);
  }

  /**
   * Every tracked ticket's statuses at `now` (at or after each one's last event), in the order
   * the tickets were first tracked: a board's pass, with no lookup by key.
   */
  forEachStatus(now: Instant, visit: (key: string, status: SlaStatus) => void): void {
    for (const t of this.#tracked.values()) visit(t.key, liveStatus(t.clocks, now));
  }

  /** The ticket's nearest running deadline, if a clock runs. */
  nextDeadline(key: string): SlaDeadline | undefined {
    const known = this.#tracked.get(key);
    return known === undefined || known.slot < 0 ? undefined : deadlineOf(known);
  }

  /** The `n` nearest running deadlines, nearest first. */
  nearest(n: number): SlaDeadline[] {
    return this.#heap.nearest(n).map(deadlineOf);
  }

  /** Every running deadline at or before `t` (overdue at `t`, breached or not), nearest first. */
  dueBy(t: Instant): SlaDeadline[] {
    return this.#heap.dueBy(t).map(deadlineOf);
  }
}

const deadlineOf = (t: Tracked): SlaDeadline => ({
  key: t.key,
  deadline: t.at,
  metric: t.clocks.nextDeadlineMetric as MetricName,
});

/** A new, empty live SLA index. */
export const createSlaIndex = (): SlaIndex => new SlaIndex();
