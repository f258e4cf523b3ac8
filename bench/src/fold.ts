/**
 * Fold benchmark: 1,000,000 events (50,000 tickets × 20 events, decided by the core) folded
 * into states with the core's `fold`, against a hand-written mutable loop over the same
 * events in the same run that builds the SAME state (checked deep-equal first). Goal: ≥ 5
 * million events/s and ≥ 0.5 of that loop. A second loop that keeps only 14 summary fields
 * (no timelines) is printed for reference: it shows the cost of the state SLA needs.
 * Each side is warmed up, then measured over alternating rounds; the median round counts.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/fold.ts` (from bench/).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { fold, type TicketEvent } from "@ticketfold/core";
import { clockLogOf } from "@ticketfold/core/internal";
import { foldByHand } from "./fold/baseline.js";
import { ticketHistories } from "./fold/history.js";
import { foldSameStateByHand, handClockLog } from "./fold/same-state.js";

const TICKETS = 50_000;
const ROUNDS = 7;
const GOAL_RATE = 5_000_000;
const GOAL_RATIO = 0.5;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Times one pass over every ticket; the checksum keeps the work from being optimised away. */
const timePass = (histories: readonly TicketEvent[][], foldOne: (h: TicketEvent[]) => { version: number }) => {
  // Each side's garbage is collected before the next side is timed (node --expose-gc, as `pnpm bench` runs).
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  let checksum = 0;
  for (const h of histories) checksum += foldOne(h).version;
  return { ms: performance.now() - start, checksum };
};

/** The core and the same-state loop must build deep-equal states, or the comparison means nothing. */
const checkAgreement = (histories: readonly TicketEvent[][]): void => {
  for (const h of histories.slice(0, 200)) {
    const s = fold(h);
    const p = foldSameStateByHand(h);
    if (!isDeepStrictEqual({ ...s }, { ...p })) throw new Error("fold and the same-state baseline disagree");
    if (!isDeepStrictEqual({ ...clockLogOf(s) }, { ...handClockLog(p) }))
      throw new Error("fold and the same-state baseline build different clock logs");
    const q = foldByHand(h);
    const core = [s.status, s.priority, s.assignee, s.resolvedAt, s.closedAt, s.reopenedAt.length, s.publicComments];
    const hand = [q.status, q.priority, q.assignee, q.resolvedAt, q.closedAt, q.reopens, q.publicComments];
    if (JSON.stringify(core) !== JSON.stringify(hand))
      throw new Error(`fold and summary loop disagree: ${core} vs ${hand}`);
  }
};

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const rate = (events: number, ms: number): string => `${(events / (ms / 1000) / 1e6).toFixed(2)} M events/s`;

export async function benchFold(): Promise<string[]> {
  const built = performance.now();
  const histories = ticketHistories(TICKETS);
  const buildMs = performance.now() - built;
  const events = histories.reduce((n, h) => n + h.length, 0);

  checkAgreement(histories);
  const sides = {
    core: (h: TicketEvent[]) => fold(h),
    same: (h: TicketEvent[]) => foldSameStateByHand(h),
    summary: (h: TicketEvent[]) => foldByHand(h),
  };
  const ms: Record<keyof typeof sides, number[]> = { core: [], same: [], summary: [] };
  for (let i = 0; i < 2; i++) for (const f of Object.values(sides)) timePass(histories, f);
  // Alternate the sides round by round, so load from other processes falls on all of them.
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, f] of Object.entries(sides) as [
      keyof typeof sides,
      (h: TicketEvent[]) => { version: number },
    ][]) {
      const r = timePass(histories, f);
      if (r.checksum !== events) throw new Error(`${name} lost events`);
      ms[name].push(r.ms);
    }
  }
  const coreMs = median(ms.core);
  const coreRate = events / (coreMs / 1000);
  const ratio = median(ms.same) / coreMs;
  const verdict = coreRate >= GOAL_RATE && ratio >= GOAL_RATIO ? "goal met" : "GOAL MISSED";
  return [
    `fold: ${events.toLocaleString("en")} events (${TICKETS.toLocaleString("en")} tickets), built through decide in ${(buildMs / 1000).toFixed(1)} s`,
    `fold: core fold (frozen)         ${rate(events, coreMs)}  (median of ${ROUNDS}, ${coreMs.toFixed(0)} ms)`,
    `fold: hand loop, same state      ${rate(events, median(ms.same))}  (${median(ms.same).toFixed(0)} ms)`,
    `fold: hand loop, 14 fields only  ${rate(events, median(ms.summary))}  (${median(ms.summary).toFixed(0)} ms, reference)`,
    `fold: ratio core/same-state loop ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}); core/14-field loop ${(median(ms.summary) / coreMs).toFixed(2)}`,
    `fold: rate goal ≥ ${GOAL_RATE / 1e6} M events/s: ${verdict}  (load average ${loadAverage()})`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchFold()) console.log(line);
}
