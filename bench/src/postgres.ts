/**
 * PostgreSQL benchmark: Ticketfold's PostgreSQL store against @event-driven-io/emmett-postgresql
 * on the same local server, in the same run, each in a fresh database the bench creates and
 * drops. Measures appends/s (1 and 10 events per append, 1 and 8 writers), read-and-fold
 * latency of a 20-event ticket stream, and catch-up read-all events/s (best of two alternating
 * rounds per side: commit latency is noisy). Both sides fold with the
 * core, so the difference is the storage path. Skips (with a message) when no server answers
 * at TICKETFOLD_PG_URL or postgres://postgres@127.0.0.1:5432/postgres.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/postgres.ts` (from bench/).
 */
import { pathToFileURL } from "node:url";
import pg from "pg";
import { pgReachable } from "./pg-reachable.js";
import { emmettContender, ticketfoldContender } from "./postgres/contenders.js";
import { type AppendRun, type Contender, quantile, ticketEvents, timeAppends, timeLoads } from "./postgres/workload.js";

const BASE_URL = process.env.TICKETFOLD_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";

const urlFor = (database: string): string => {
  const url = new URL(BASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

const admin = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const RUNS: readonly (AppendRun & { readonly label: string })[] = [
  { label: "a1w1", writers: 1, appendsPerWriter: 1000, eventsPerAppend: 1 },
  { label: "a10w1", writers: 1, appendsPerWriter: 400, eventsPerAppend: 10 },
  { label: "a1w8", writers: 8, appendsPerWriter: 250, eventsPerAppend: 1 },
  { label: "a10w8", writers: 8, appendsPerWriter: 100, eventsPerAppend: 10 },
];
const LOADED_TICKETS = 200;
const LOADS = 1000;

interface Row {
  readonly metric: string;
  readonly ours: number;
  readonly theirs: number;
  readonly unit: string;
  /** True when a bigger number is better. */
  readonly higherIsBetter: boolean;
}

const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

const table = (rows: readonly Row[], ours: string, theirs: string): string[] => {
  const head = ["metric", ours, theirs, "ratio"];
  const body = rows.map((r) => [
    r.metric,
    `${fmt(r.ours)} ${r.unit}`,
    `${fmt(r.theirs)} ${r.unit}`,
    `${(r.higherIsBetter ? r.ours / r.theirs : r.theirs / r.ours).toFixed(2)}×`,
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((line) => (line[i] as string).length)));
  const line = (cells: readonly string[]) =>
    `postgres: ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ")}`;
  return [line(head), ...body.map(line)];
};

/** Runs the workload on both contenders, alternating who goes first. */
const measure = async (tf: Contender, em: Contender, notes: string[]): Promise<Row[]> => {
  const { histories, flat } = ticketEvents(LOADED_TICKETS);
  const rows: Row[] = [];
  // Warm-up: connections, plans, JIT of both sides.
  await timeAppends(tf, "warm", { writers: 2, appendsPerWriter: 50, eventsPerAppend: 2 }, flat);
  await timeAppends(em, "warm", { writers: 2, appendsPerWriter: 50, eventsPerAppend: 2 }, flat);
  for (const run of RUNS) {
    // Two rounds in alternating order, best of each side: commit latency (fsync) is noisy.
    const rate = new Map<Contender, number>();
    for (const [round, order] of [
      [1, [tf, em]],
      [2, [em, tf]],
    ] as const) {
      for (const c of order) {
        const r = await timeAppends(c, `${run.label}r${round}`, run, flat, 4000);
        rate.set(c, Math.max(rate.get(c) ?? 0, r));
      }
    }
    rows.push({
      metric: `append ${run.eventsPerAppend} event${run.eventsPerAppend > 1 ? "s" : ""}, ${run.writers} writer${run.writers > 1 ? "s" : ""}`,
      ours: rate.get(tf) as number,
      theirs: rate.get(em) as number,
      unit: "appends/s",
      higherIsBetter: true,
    });
  }
  const ids = histories.map((h) => (h[0] as { ticketId: string }).ticketId);
  for (const c of [tf, em]) {
    for (let t = 0; t < ids.length; t++) await c.append(ids[t] as string, flat.slice(t * 20, t * 20 + 20), 0);
  }
  const order = Array.from({ length: LOADS }, (_, i) => ids[(i * 7919) % ids.length] as string);
  const latencies = new Map<Contender, number[]>([
    [tf, []],
    [em, []],
  ]);
  for (let chunk = 0; chunk < 10; chunk++) {
    const part = order.slice(chunk * 100, chunk * 100 + 100);
    for (const c of chunk % 2 === 0 ? [tf, em] : [em, tf]) latencies.get(c)?.push(...(await timeLoads(c, part)));
  }
  for (const q of [0.5, 0.95]) {
    rows.push({
      metric: `read+fold 20-event stream, p${q * 100}`,
      ours: quantile(latencies.get(tf) as number[], q),
      theirs: quantile(latencies.get(em) as number[], q),
      unit: "ms",
      higherIsBetter: false,
    });
  }
  // Best of two full reads each. A side that reads an event twice or misses one is reported.
  const catchUp = new Map<Contender, { read: number; distinct: number; rate: number }>();
  for (const c of [tf, em, em, tf]) {
    const t = performance.now();
    const { read, distinct } = await c.catchUp(1000);
    const rate = read / ((performance.now() - t) / 1000);
    if (rate > (catchUp.get(c)?.rate ?? 0)) catchUp.set(c, { read, distinct, rate });
  }
  const tfCatch = catchUp.get(tf) as { read: number; distinct: number; rate: number };
  const emCatch = catchUp.get(em) as { read: number; distinct: number; rate: number };
  rows.push({
    metric: "catch-up readAll, pages of 1000",
    ours: tfCatch.rate,
    theirs: emCatch.rate,
    unit: "events/s",
    higherIsBetter: true,
  });
  for (const [c, r] of [
    [tf, tfCatch],
    [em, emCatch],
  ] as const) {
    notes.push(
      `${c.name}: catch-up read ${r.read} events, ${r.distinct} distinct, of ${c.appended()} appended` +
        (r.read === c.appended() && r.distinct === r.read ? " (exact)" : " (NOT exact: duplicates or gaps)"),
    );
  }
  return rows;
};

export async function benchPostgres(): Promise<string[]> {
  if (!(await pgReachable(BASE_URL))) {
    return [`postgres: skipped (no PostgreSQL server answers at ${BASE_URL}; set TICKETFOLD_PG_URL)`];
  }
  const suffix = `${process.pid}_${Date.now() % 100000}`;
  const dbs = { ours: `tf_bench_ticketfold_${suffix}`, theirs: `tf_bench_emmett_${suffix}` };
  const started = performance.now();
  await admin(async (c) => {
    for (const db of Object.values(dbs)) await c.query(`CREATE DATABASE "${db}"`);
  });
  let tf: Contender | undefined;
  let em: Contender | undefined;
  try {
    tf = ticketfoldContender(urlFor(dbs.ours));
    em = await emmettContender(urlFor(dbs.theirs));
    const notes: string[] = [];
    const rows = await measure(tf, em, notes);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    return [
      `postgres: Ticketfold PostgreSQL store vs emmett-postgresql 0.42, same server (${new URL(BASE_URL).host}), same run, ${seconds} s; ratio > 1 = Ticketfold better`,
      ...table(rows, tf.name, em.name),
      ...notes.map((n) => `postgres: ${n}`),
    ];
  } finally {
    await tf?.close();
    await em?.close();
    await admin(async (c) => {
      for (const db of Object.values(dbs)) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchPostgres()) console.log(line);
}
