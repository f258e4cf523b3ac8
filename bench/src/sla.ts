/**
 * SLA benchmark: `slaStatus` (every metric: response, plan, resolution) over 100,000 open
 * tickets of 20 events each under four policies (24×7 and business calendars in UTC,
 * Europe/Berlin and America/New_York), against folding the same tickets' events in the same
 * run. Goal: all 100,000 statuses in < 200 ms. The median of several rounds counts.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/sla.ts` (from bench/).
 */
import { pathToFileURL } from "node:url";
import {
  type CompiledPolicy,
  compilePolicy,
  fold,
  slaStatus,
  type TicketEvent,
  type TicketState,
} from "@ticketfold/core";
import { benchPolicies, openTicket } from "./sla/tickets.js";

const TICKETS = 100_000;
const ROUNDS = 5;
const GOAL_MS = 200;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchSla(): Promise<string[]> {
  const compiled: CompiledPolicy[] = benchPolicies.map((p) => {
    const c = compilePolicy(p);
    if (c._tag === "Left") throw new Error(c.left.message);
    return c.right;
  });
  const histories: TicketEvent[][] = [];
  const states: TicketState[] = [];
  const policyOf: CompiledPolicy[] = [];
  const start = Date.parse("2025-01-06T06:00:00Z");
  for (let n = 0; n < TICKETS; n++) {
    const k = n % compiled.length;
    const { events, state } = openTicket(n, benchPolicies[k]!, start + (n % 5000) * 97 * 60_000);
    histories.push(events);
    states.push(state);
    policyOf.push(compiled[k]!);
  }
  const now = Math.max(...states.map((s) => s.lastEventAt ?? 0)) + 3_600_000;
  const eventCount = histories.reduce((n, h) => n + h.length, 0);

  let sink = 0;
  const slaPass = (): number => {
    const t0 = performance.now();
    for (let i = 0; i < TICKETS; i++) {
      const s = slaStatus(states[i]!, policyOf[i]!, now);
      sink += s.resolution?.elapsed ?? 0;
    }
    return performance.now() - t0;
  };
  const foldPass = (): number => {
    const t0 = performance.now();
    for (let i = 0; i < TICKETS; i++) sink += fold(histories[i]!).version;
    return performance.now() - t0;
  };
  slaPass();
  foldPass();
  const sla: number[] = [];
  const folds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    sla.push(slaPass());
    folds.push(foldPass());
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the work observable");
  const slaMs = median(sla);
  const foldMs = median(folds);
  const verdict = slaMs < GOAL_MS ? "goal met" : "GOAL MISSED";
  return [
    `sla: ${TICKETS.toLocaleString("en")} open tickets, ${eventCount.toLocaleString("en")} events, 4 policies (24x7, UTC, Europe/Berlin, America/New_York)`,
    `sla: slaStatus over all tickets ${slaMs.toFixed(1)} ms (${(((TICKETS / slaMs) * 1000) / 1e6).toFixed(2)} M tickets/s; goal < ${GOAL_MS} ms): ${verdict}`,
    `sla: baseline fold of the same events ${foldMs.toFixed(1)} ms; slaStatus costs ${(slaMs / foldMs).toFixed(2)}× a fold`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchSla()) console.log(l);
}
