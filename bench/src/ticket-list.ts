/**
 * Ticket-list benchmark: a page of 100 rows, each with its live SLA summary, out of 10,000
 * tickets (every status) on embedded PGlite, through `createPostgresTicketQueries` (one
 * statement: the order's index range and a snapshot probe per row; `slaStatus` in process),
 * against the baseline of one stream read per row (the same 100 ids from the same index, then
 * `loadTicket` and `slaStatus` for each) in the same run. Three pages: a tenant's newest,
 * the queue order, and an organisation's view (P-D). Prints the median of several rounds.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/ticket-list.ts` (from bench/).
 */
import { pathToFileURL } from "node:url";
import {
  DAY,
  loadTicket,
  slaStatus,
  type TicketListFilter,
  type TicketListOrder,
  ticketListQuery,
} from "@ticketfold/core";
import { WORKLOAD_START, workloadPolicies } from "@ticketfold/testing/workload";
import {
  createPostgresEventStore,
  createPostgresTicketQueries,
  pgliteDriver,
  ticketListSql,
} from "../../packages/store-postgres/src/index.js";
import { seedWorkloadDesk } from "./workload-desk.js";

const TICKETS = 10_000;
const PAGE = 100;
const ROUNDS = 15;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const timed = async (f: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

export const benchTicketList = async (): Promise<string[]> => {
  const store = createPostgresEventStore({ driver: pgliteDriver(), schema: "bench_list" });
  const { events, appended, projected } = await seedWorkloadDesk(store, TICKETS);

  const queries = createPostgresTicketQueries(store, { policies: workloadPolicies });
  const now = WORKLOAD_START + 7 * DAY;
  const lines = [
    `ticket-list: pglite, ${TICKETS.toLocaleString("en")} tickets (${events.toLocaleString("en")} events) appended in ${(appended / 1000).toFixed(1)} s, projected in ${(projected / 1000).toFixed(1)} s; a page of ${PAGE} rows with live SLA, median of ${ROUNDS} rounds`,
  ];
  const pages: [string, TicketListFilter, TicketListOrder][] = [
    ["newest first", {}, "opened-desc"],
    ["queue order", {}, "queue"],
    ["organisation view", { organisation: "Acme" }, "opened-desc"],
  ];
  for (const [name, filter, order] of pages) {
    const q = ticketListQuery("t1", filter, { now, order, limit: PAGE });
    if (q._tag === "Left") throw q.left;
    // The baseline reads the same ids from the same index, then one stream per row.
    const { sql, params } = ticketListSql(q.right, store.schema);
    const idsSql = `SELECT ticket_id FROM (${sql}) page`;
    const ours = async () => queries.listTickets("t1", filter, { now, order, limit: PAGE });
    const perRow = async () => {
      const { rows } = await store.driver.query<{ ticket_id: string }>(idsSql, params);
      for (const { ticket_id } of rows.slice(0, PAGE)) {
        const { state } = await loadTicket(store, "t1", ticket_id);
        const policy = workloadPolicies(state.policyId ?? "");
        if (policy) slaStatus(state, policy, now);
      }
      return rows;
    };
    const statement = async () => store.driver.query(sql, params);
    const rowsOurs = (await ours()).rows.length;
    await perRow();
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await timed(ours));
      b.push(await timed(perRow));
      c.push(await timed(statement));
    }
    const [mine, theirs, sqlOnly] = [median(a), median(b), median(c)];
    lines.push(
      `ticket-list: ${name} (${rowsOurs} rows): listTickets ${mine.toFixed(1)} ms (its statement alone ${sqlOnly.toFixed(1)} ms); one stream read per row ${theirs.toFixed(1)} ms; ratio ${(theirs / mine).toFixed(1)}×`,
    );
  }
  await store.close();
  return lines;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchTicketList()) console.log(l);
}
