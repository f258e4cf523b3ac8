/**
 * Live work-queue benchmark: a page of 100 queue entries with each ticket's SLA statuses at
 * `now`, out of the open tickets of TICKETS (default 10,000) on embedded PGlite. `readLiveWorkQueue` (one
 * statement: the queue's index range, each row's stored clock reading joined by key; statuses
 * derived with `liveMetricStatusAt`, no snapshot read) against the way without readings: the
 * same page from `readWorkQueue`, then each ticket's snapshot loaded from the read side's
 * `ticket_state` and `slaStatus` read from scratch. Both give the same statuses (checked).
 * Prints the median of several rounds, and the projection's time for the whole log.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/live-queue.ts` (from bench/), or
 * `TICKETS=2000` for a short run; on the PostgreSQL server at TICKETFOLD_PG_URL when it is set
 * (in a schema of its own, dropped afterwards).
 */
import { pathToFileURL } from "node:url";
import { DAY, policyOfTicket, slaStatus, type TicketState } from "@ticketfold/core";
import { WORKLOAD_START, workloadPolicies } from "@ticketfold/testing/workload";
import {
  createPostgresEventStore,
  liveWorkQueueSql,
  pgDriver,
  pgliteDriver,
  readLiveWorkQueue,
  readWorkQueue,
} from "../../packages/store-postgres/src/index.js";
import { seedWorkloadDesk } from "./workload-desk.js";

const TICKETS = Number(process.env.TICKETS ?? 10_000);
const PAGE = 100;
const ROUNDS = 15;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const timed = async (f: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

export const benchLiveQueue = async (): Promise<string[]> => {
  const url = process.env.TICKETFOLD_PG_URL || undefined;
  const store = createPostgresEventStore({
    driver: url ? pgDriver(url) : pgliteDriver(),
    schema: url ? `bench_live_queue_${process.pid}` : "bench_live_queue",
  });
  const { events, appended, projected } = await seedWorkloadDesk(store, TICKETS);
  const schema = store.schema.name;
  // As autovacuum would after a bulk load: the planner's row counts, for both ways alike.
  for (const table of ["work_queue_v1", "work_queue_clocks_v1", "ticket_state_v1"])
    await store.driver.query(`ANALYZE "${schema}".${table}`);
  const { rows: counted } = await store.driver.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM "${schema}".work_queue WHERE tenant = 't1'`,
  );
  const queued = Number(counted[0]?.n ?? 0);

  const now = WORKLOAD_START + 7 * DAY;
  const filter = { tenant: "t1" };
  const live = () => readLiveWorkQueue(store.driver, filter, { schema, now, policies: workloadPolicies, limit: PAGE });
  const snapshots = async () => {
    const page = await readWorkQueue(store.driver, filter, { schema, limit: PAGE });
    const { rows } = await store.driver.query<{ ticket_id: string; state: TicketState }>(
      `SELECT ticket_id, state FROM "${schema}".ticket_state WHERE tenant = 't1' AND ticket_id = ANY($1::text[])`,
      [page.map((e) => e.ticketId)],
    );
    const states = new Map(rows.map((r) => [r.ticket_id, r.state]));
    return page.map((e) => {
      const state = states.get(e.ticketId) as TicketState;
      const policy = policyOfTicket(state, workloadPolicies);
      if (policy._tag === "Left" || policy.right === null) throw new Error(`no policy for ${e.ticketId}`);
      return { ...e, sla: slaStatus(state, policy.right, now) };
    });
  };
  // Both ways give the same statuses.
  const [a0, b0] = [await live(), await snapshots()];
  if (JSON.stringify(a0.map((e) => e.sla)) !== JSON.stringify(b0.map((e) => e.sla)))
    throw new Error("the live page and the snapshot page differ");
  const { sql, params } = liveWorkQueueSql(filter, { schema, limit: PAGE });
  const statement = () => store.driver.query(sql, params);
  if (process.env.EXPLAIN) {
    const { rows: plan } = await store.driver.query<Record<string, string>>(`EXPLAIN ANALYZE ${sql}`, params);
    for (const r of plan) console.log(Object.values(r)[0]);
  }
  const plain = () => readWorkQueue(store.driver, filter, { schema, limit: PAGE });
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const d: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    a.push(await timed(live));
    b.push(await timed(snapshots));
    c.push(await timed(statement));
    d.push(await timed(plain));
  }
  const [mine, theirs, sqlOnly, plainOnly] = [median(a), median(b), median(c), median(d)];
  if (url) await store.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await store.close();
  return [
    `live-queue: ${url ? "postgres server" : "pglite"}, ${TICKETS.toLocaleString("en")} tickets (${events.toLocaleString("en")} events, ${queued.toLocaleString("en")} queued) appended in ${(appended / 1000).toFixed(1)} s, projected in ${(projected / 1000).toFixed(1)} s`,
    `live-queue: a page of ${a0.length} with SLA statuses at now, median of ${ROUNDS}: readLiveWorkQueue ${mine.toFixed(1)} ms (its statement alone ${sqlOnly.toFixed(1)} ms; readWorkQueue without SLA ${plainOnly.toFixed(1)} ms); readWorkQueue + snapshots + slaStatus ${theirs.toFixed(1)} ms; ratio ${(theirs / mine).toFixed(1)}×`,
  ];
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchLiveQueue()) console.log(l);
}
