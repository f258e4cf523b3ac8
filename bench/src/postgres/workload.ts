/**
 * The PostgreSQL benchmark's workload, shared by both libraries: real ticket events (decided
 * by the core), writers that each own a set of streams and append with the exact expected
 * version, and timing helpers. Each side is given the same events in the same order.
 */
import { type NewEvent, type TicketEvent, toNewEvent } from "@ticketfold/core";
import { ticketHistories } from "../fold/history.js";

export interface CatchUpOptions {
  readonly budgetMs?: number;
  readonly countDistinct?: boolean;
}

export interface CatchUpResult {
  readonly read: number;
  readonly distinct: number;
  /** False when the budget ran out before the end of the log. */
  readonly complete: boolean;
}

/** A catch-up's page loop: stops at the end of the log or, with a budget, when it is spent. */
export const pagedCatchUp = async <E>(
  next: () => Promise<{ readonly items: readonly E[]; readonly isEnd: boolean }>,
  idOf: (e: E) => string,
  options: CatchUpOptions = {},
): Promise<CatchUpResult> => {
  const start = performance.now();
  const ids = new Set<string>();
  let read = 0;
  for (;;) {
    const page = await next();
    read += page.items.length;
    if (options.countDistinct !== false) for (const e of page.items) ids.add(idOf(e));
    if (page.isEnd) return { read, distinct: ids.size, complete: true };
    if (options.budgetMs !== undefined && performance.now() - start > options.budgetMs) {
      return { read, distinct: ids.size, complete: false };
    }
  }
};

/** What one library must do for the benchmark. */
export interface Contender {
  readonly name: string;
  /** Appends `events` to `stream`, which has `version` events so far (0 = new). */
  append(stream: string, events: readonly NewEvent[], version: number): Promise<void>;
  /** Reads a ticket's stream, decodes and folds it; returns its version. */
  load(stream: string): Promise<number>;
  /** Events appended so far (the catch-up must read exactly these). */
  readonly appended: () => number;
  /**
   * Reads the global log from the start in pages: events read, and how many distinct (counted
   * unless `countDistinct` is false). With `budgetMs`, stops after the page that passes it
   * (`complete` false then).
   */
  catchUp(pageSize: number, options?: CatchUpOptions): Promise<CatchUpResult>;
  close(): Promise<void>;
}

/** Ticket histories (20 events each) and the same events as NewEvents. */
export const ticketEvents = (tickets: number): { histories: TicketEvent[][]; flat: NewEvent[] } => {
  const histories = ticketHistories(tickets);
  return { histories, flat: histories.flat().map(toNewEvent) };
};

export interface AppendRun {
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
}

/**
 * Runs the writers concurrently until each has made its appends or `budgetMs` has passed
 * (whichever comes first, so a slow side cannot stretch the run); returns appends per second.
 */
export const timeAppends = async (
  c: Contender,
  label: string,
  run: AppendRun,
  events: readonly NewEvent[],
  budgetMs = 6000,
): Promise<number> => {
  const streamsPerWriter = 20;
  const start = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: run.writers }, async (_, w) => {
      const versions = new Array<number>(streamsPerWriter).fill(0);
      for (let i = 0; i < run.appendsPerWriter && performance.now() - start < budgetMs; i++) {
        const k = i % streamsPerWriter;
        const from = ((w * run.appendsPerWriter + i) * run.eventsPerAppend) % (events.length - run.eventsPerAppend);
        const batch = events.slice(from, from + run.eventsPerAppend);
        await c.append(`${label}-w${w}-s${k}`, batch, versions[k] as number);
        versions[k] = (versions[k] as number) + batch.length;
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
};

/** Loads each stream once, in the given order; returns each load's latency in ms. */
export const timeLoads = async (c: Contender, streams: readonly string[]): Promise<number[]> => {
  const ms: number[] = [];
  for (const s of streams) {
    const t = performance.now();
    const version = await c.load(s);
    ms.push(performance.now() - t);
    if (version !== 20) throw new Error(`${c.name}: ${s} folded to version ${version}, expected 20`);
  }
  return ms;
};

export const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};
