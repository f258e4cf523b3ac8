/**
 * Fold benchmark: 1,000,000 events (50,000 tickets × 20 events, decided by the core) folded
 * into states with the core's `fold`, against a hand-written mutable loop over the same
 * events in the same run. Goal: ≥ 5 million events/s and ≥ 0.5 of the hand-written loop.
 * Each side is warmed up, then measured over alternating rounds; the median round counts.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/fold.ts` (from bench/).
 */
import { pathToFileURL } from "node:url";
import { fold, type TicketEvent } from "@ticketfold/core";
import { foldByHand } from "./fold/baseline.js";
import { ticketHistories } from "./fold/history.js";

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
  const start = performance.now();
  let checksum = 0;
  for (const h of histories) checksum += foldOne(h).version;
  return { ms: performance.now() - start, checksum };
};

/** The two sides must agree on the fields both keep, or the comparison means nothing. */
const checkAgreement = (histories: readonly TicketEvent[][]): void => {
  for (const h of histories.slice(0, 100)) {
    const s = fold(h);
    const p = foldByHand(h);
    const core = [s.status, s.priority, s.assignee, s.resolvedAt, s.closedAt, s.reopenedAt.length, s.publicComments];
    const hand = [p.status, p.priority, p.assignee, p.resolvedAt, p.closedAt, p.reopens, p.publicComments];
    if (JSON.stringify(core) !== JSON.stringify(hand))
      throw new Error(`fold and baseline disagree: ${core} vs ${hand}`);
  }
};

const rate = (events: number, ms: number): string => `${(events / (ms / 1000) / 1e6).toFixed(2)} M events/s`;

export async function benchFold(): Promise<string[]> {
  const built = performance.now();
  const histories = ticketHistories(TICKETS);
  const buildMs = performance.now() - built;
  const events = histories.reduce((n, h) => n + h.length, 0);

  checkAgreement(histories);
  const core = (h: TicketEvent[]) => fold(h);
  const byHand = (h: TicketEvent[]) => foldByHand(h);
  for (let i = 0; i < 2; i++) {
    timePass(histories, core);
    timePass(histories, byHand);
  }
  const coreMs: number[] = [];
  const handMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const c = timePass(histories, core);
    const h = timePass(histories, byHand);
    if (c.checksum !== events || h.checksum !== events)
      throw new Error("fold and baseline disagree on the event count");
    coreMs.push(c.ms);
    handMs.push(h.ms);
  }
  const coreRate = events / (median(coreMs) / 1000);
  const ratio = median(handMs) / median(coreMs);
  const verdict = coreRate >= GOAL_RATE && ratio >= GOAL_RATIO ? "goal met" : "GOAL MISSED";
  return [
    `fold: ${events.toLocaleString("en")} events (${TICKETS.toLocaleString("en")} tickets), built through decide in ${(buildMs / 1000).toFixed(1)} s`,
    `fold: core fold      ${rate(events, median(coreMs))}  (median of ${ROUNDS}, ${median(coreMs).toFixed(0)} ms)`,
    `fold: hand-written   ${rate(events, median(handMs))}  (median of ${ROUNDS}, ${median(handMs).toFixed(0)} ms)`,
    `fold: ratio core/hand ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}); rate goal ≥ ${GOAL_RATE / 1e6} M events/s: ${verdict}`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchFold()) console.log(line);
}
