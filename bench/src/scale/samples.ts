/**
 * What the ten-million benchmark measures at each log size (0, ¼, ½ and all of the target):
 * appends through each store's real append path (writers appending whole ticket lives under
 * fresh ids, exact expected versions, best of two alternating rounds: the log still folds),
 * and read+fold latency of 20-event tickets picked across the whole loaded log (cold pages
 * included). At the empty log the tickets read are 200 appended just before, one event at a
 * time across all of them, so their events interleave in the table as the bulk's do.
 */
import type { NewEvent } from "@ticketfold/core";
import { type AppendRun, type Contender, timeLoads } from "../postgres/workload.js";
import { bulkTicketId } from "./load.js";
import { type Figure, quantile } from "./report.js";
import { EVENTS_PER_TICKET } from "./templates.js";

const RUNS: readonly (AppendRun & { readonly label: string; readonly metric: string })[] = [
  { label: "a1w1", metric: "append 1 event, 1 writer", writers: 1, appendsPerWriter: 1500, eventsPerAppend: 1 },
  { label: "a10w8", metric: "append 10 events, 8 writers", writers: 8, appendsPerWriter: 300, eventsPerAppend: 10 },
];
const BUDGET_MS = 4000;
const LOADS = 400;
/** Fresh tickets (appended by the samples): far above any bulk ticket number. */
let fresh = 0x7000000;
const FRESH_READS = 200;

export interface SampleContext {
  readonly ours: Contender;
  readonly theirs: Contender | undefined;
  /** Real 20-event lives (NewEvents) to append: 20 per ticket, in order. */
  readonly events: readonly NewEvent[];
  /** Figures of the first sample, by metric: the baseline of later samples. */
  readonly baseline: Map<string, number>;
  /** What the first sample was ("empty log"). */
  readonly baselineLabel: string;
  /** Bulk tickets whose streams may be read (all when absent). */
  readonly readable?: (n: number) => boolean;
}

/**
 * Writers append whole ticket lives through the store's real append path, `eventsPerAppend`
 * events at a time with the exact expected version, each ticket a fresh valid id (so the log
 * still folds and projects); returns appends per second. Stops at `appendsPerWriter` or the budget.
 */
const appendLives = async (
  c: Contender,
  run: AppendRun,
  events: readonly NewEvent[],
  ids: readonly string[],
  budgetMs = BUDGET_MS,
): Promise<number> => {
  const start = performance.now();
  const lives = Math.floor(events.length / EVENTS_PER_TICKET);
  let done = 0;
  let nextTicket = 0;
  await Promise.all(
    Array.from({ length: run.writers }, async () => {
      let ticket = -1;
      let version = EVENTS_PER_TICKET;
      for (let i = 0; i < run.appendsPerWriter && performance.now() - start < budgetMs; i++) {
        if (version >= EVENTS_PER_TICKET) {
          ticket = nextTicket++;
          version = 0;
        }
        if (ticket >= ids.length) return;
        const life = (ticket % lives) * EVENTS_PER_TICKET;
        const batch = events.slice(life + version, life + Math.min(EVENTS_PER_TICKET, version + run.eventsPerAppend));
        await c.append(ids[ticket] as string, batch, version);
        version += batch.length;
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
};

const freshIds = (n: number): string[] => Array.from({ length: n }, () => bulkTicketId(fresh++));

const bestOfTwo = async (cs: readonly Contender[], run: AppendRun, events: readonly NewEvent[]) => {
  const rate = new Map<Contender, number>();
  for (const order of [cs, [...cs].reverse()]) {
    for (const c of order) {
      const r = await appendLives(c, run, events, freshIds(run.writers * run.appendsPerWriter));
      rate.set(c, Math.max(rate.get(c) ?? 0, r));
    }
  }
  return rate;
};

/**
 * The streams to read: spread over the loaded tickets; at the empty log, 200 fresh tickets
 * appended one event at a time by 8 writers, so their events interleave as the bulk's do.
 */
const streamsToRead = async (ctx: SampleContext, loadedTickets: number): Promise<string[]> => {
  if (loadedTickets > 0) {
    const picked: string[] = [];
    for (let i = 0; picked.length < LOADS && i < LOADS * 1000; i++) {
      const n = Number((BigInt(i) * 2654435761n) % BigInt(loadedTickets));
      if (ctx.readable?.(n) ?? true) picked.push(bulkTicketId(n));
    }
    return picked;
  }
  const ids = freshIds(FRESH_READS);
  for (const c of [ctx.ours, ...(ctx.theirs ? [ctx.theirs] : [])]) {
    for (let v = 0; v < EVENTS_PER_TICKET; v++) {
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let t = w; t < FRESH_READS; t += 8) {
            await c.append(
              ids[t] as string,
              ctx.events.slice(t * EVENTS_PER_TICKET + v, t * EVENTS_PER_TICKET + v + 1),
              v,
            );
          }
        }),
      );
    }
  }
  return Array.from({ length: LOADS }, (_, i) => ids[(i * 7919) % FRESH_READS] as string);
};

/** Appends and read+fold at the current size; the first call (empty log) sets the baselines. */
export const sampleAt = async (ctx: SampleContext, at: string, loadedTickets: number): Promise<Figure[]> => {
  const cs = [ctx.ours, ...(ctx.theirs ? [ctx.theirs] : [])];
  const figures: Figure[] = [];
  const add = (metric: string, ours: number, unit: string, higherIsBetter: boolean, theirs: number | undefined) => {
    const base = ctx.baseline.get(metric);
    if (base === undefined) ctx.baseline.set(metric, ours);
    figures.push({
      metric,
      at,
      ours,
      unit,
      higherIsBetter,
      ...(base === undefined ? {} : { baseline: { value: base, label: ctx.baselineLabel } }),
      ...(theirs === undefined ? {} : { theirs }),
    });
  };
  for (const run of RUNS) {
    const rate = await bestOfTwo(cs, run, ctx.events);
    add(run.metric, rate.get(ctx.ours) as number, "appends/s", true, ctx.theirs && rate.get(ctx.theirs));
  }
  const streams = await streamsToRead(ctx, loadedTickets);
  const latencies = new Map<Contender, number[]>(cs.map((c) => [c, []]));
  for (let chunk = 0; chunk < 8; chunk++) {
    const part = streams.slice((chunk * LOADS) / 8, ((chunk + 1) * LOADS) / 8);
    for (const c of chunk % 2 === 0 ? cs : [...cs].reverse()) latencies.get(c)?.push(...(await timeLoads(c, part)));
  }
  for (const q of [0.5, 0.95]) {
    const theirs = ctx.theirs && quantile(latencies.get(ctx.theirs) as number[], q);
    add(`read+fold 20-event ticket p${q * 100}`, quantile(latencies.get(ctx.ours) as number[], q), "ms", false, theirs);
  }
  return figures;
};
