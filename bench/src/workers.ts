/**
 * Horizontal workers benchmark: N = 1, 2 and 4 worker processes against one PostgreSQL server,
 * each phase with fresh data, every process released at once (start-up is not timed), in two
 * rounds (1, 2, 4, then 4, 2, 1; the best of each N is kept, as the load of a shared machine drifts).
 *   - timers: 200 tickets opened two hours ago, each with a due response timer (breach and
 *     escalation appended through the command handler); due timers applied per second;
 *   - notices: the outbox those tickets filled, POSTed to a loopback receiver that answers at
 *     once; notices dispatched per second;
 *   - read side: a log of 1,000 workload tickets (about 4,800 events), projected by N partitions (N = 1: the plain
 *     consumer); events projected per second.
 * Each figure is compared with N = 1 of the same run. Skips (with a message) when no server
 * answers at TICKETFOLD_PG_URL or postgres://postgres@127.0.0.1:5432/postgres.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/workers.ts` (from bench/).
 */
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { pgReachable } from "./pg-reachable.js";
import type { ChildOptions } from "./workers/child.js";
import { startReceiver, startWorkers } from "./workers/processes.js";
import { seedDueTickets, seedLog } from "./workers/seed.js";

const URL_ = process.env.TICKETFOLD_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const COUNTS = [1, 2, 4] as const;
const TICKETS = 200;
const LOG_TICKETS = 1000;

/** Polls until `left()` answers 0 (bounded); returns the seconds it took. */
const timeUntilDone = async (left: () => Promise<number>, what: string): Promise<number> => {
  const t0 = performance.now();
  while ((await left()) > 0) {
    if (performance.now() - t0 > 300_000) throw new Error(`workers bench: ${what} did not finish in 5 min`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return (performance.now() - t0) / 1000;
};

/** Runs `n` processes doing `work` on `schema` until `left()` is 0; the seconds it took. */
const phase = async (
  n: number,
  base: Omit<ChildOptions, "owner" | "index" | "count">,
  left: () => Promise<number>,
): Promise<number> => {
  const workers = await startWorkers(
    Array.from({ length: n }, (_, index) => ({ ...base, owner: `bench-${base.work}-${index}`, index, count: n })),
  );
  try {
    workers.go();
    return await timeUntilDone(left, `${base.work} with ${n} processes`);
  } finally {
    await workers.stop();
  }
};

export const benchWorkers = async (): Promise<string[]> => {
  if (!(await pgReachable(URL_))) return [`workers: skipped (no PostgreSQL server at ${URL_})`];
  const pool = new pg.Pool({ connectionString: URL_, max: 4 });
  const receiver = await startReceiver();
  const count = async (sql: string): Promise<number> => Number((await pool.query(sql)).rows[0].n);
  const rows: { n: number; timers: number; notices: number; events: number }[] = [];
  let sizes = "";
  const schemas: string[] = [];
  try {
    const source = `bench_workers_log_${process.pid}`;
    schemas.push(source);
    const events = await seedLog(pool, source, LOG_TICKETS);
    // Rounds in the order 1, 2, 4, 4, 2, 1 and the best of each N: the machine's load drifts.
    for (const [round, n] of [...COUNTS, ...[...COUNTS].reverse()].entries()) {
      const due = `bench_workers_due_${process.pid}_${round}`;
      const log = `bench_workers_rs_${process.pid}_${round}`;
      schemas.push(due, log);
      await seedDueTickets(pool, due, TICKETS);
      const common = { url: URL_, receiver: receiver.url };
      const timers = await phase(n, { ...common, schema: due, work: "timers" }, () =>
        count(`SELECT count(*) AS n FROM "${due}".timers WHERE due_at <= now()`),
      );
      const notices = await count(`SELECT count(*) AS n FROM "${due}".outbox`);
      const outbox = await phase(n, { ...common, schema: due, work: "outbox" }, () =>
        count(`SELECT count(*) AS n FROM "${due}".outbox WHERE status = 'pending'`),
      );
      await seedLog(pool, log, 0, source);
      const projected = await phase(n, { ...common, schema: log, work: "readSide" }, () =>
        count(
          `SELECT count(*) AS n FROM "${log}".streams st LEFT JOIN "${log}".ticket_state_v1 ts
          ON ts.tenant = st.tenant AND ts.ticket_id = st.stream_id WHERE ts.version IS DISTINCT FROM st.version`,
        ),
      );
      const measured = { n, timers: TICKETS / timers, notices: notices / outbox, events: events / projected };
      const best = rows.find((r) => r.n === n);
      if (best === undefined) rows.push(measured);
      else
        Object.assign(best, {
          timers: Math.max(best.timers, measured.timers),
          notices: Math.max(best.notices, measured.notices),
          events: Math.max(best.events, measured.events),
        });
      sizes = `${TICKETS} due timers, ${notices} notices, ${events} events (${LOG_TICKETS} tickets) per round; best of 2 rounds per N`;
      // A round's schemas are dropped at once: the server holds less.
      await pool.query(`DROP SCHEMA IF EXISTS "${due}" CASCADE`);
      await pool.query(`DROP SCHEMA IF EXISTS "${log}" CASCADE`);
    }
  } finally {
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await receiver.close();
    await pool.end();
  }
  const base = rows[0] as (typeof rows)[number];
  const cell = (v: number, b: number) => `${v.toFixed(0).padStart(6)}/s (${(v / b).toFixed(2)}×)`;
  return [
    `workers: N processes on one PostgreSQL server; this machine has ${availableParallelism()} cores (shared with the server and the receiver), so N > 2 cannot scale on CPU here`,
    `workers: ${sizes}`,
    `workers: ${"N".padEnd(3)} ${"due timers applied".padStart(22)}  ${"notices dispatched".padStart(22)}  ${"events projected".padStart(22)}`,
    ...rows.map(
      (r) =>
        `workers: ${String(r.n).padEnd(3)} ${cell(r.timers, base.timers).padStart(22)}  ${cell(r.notices, base.notices).padStart(22)}  ${cell(r.events, base.events).padStart(22)}`,
    ),
  ];
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const line of await benchWorkers()) console.log(line);
}
