/**
 * The work queue at 500,000 open tickets: the active read-side set's `work_queue` table is
 * filled with queue entries the core's `workQueueEntry` made for varied tickets (templates.ts,
 * every queued status, VIPs, organisations, unassigned ones), cloned under fresh ids across 8
 * tenants, 40 agents and 200 organisations per tenant, with their instants spread over months.
 * Then `readWorkQueue` (the store's own statement) is timed for the pages a desk asks for,
 * against the same pages at a tenth of the size (the baseline), and before/after a layout
 * change (an index), so a change is kept or dropped on figures.
 */
import type { WorkQueueEntry, WorkQueueFilter } from "@ticketfold/core";
import type pg from "pg";
import {
  type PostgresEventStore,
  readSideTables,
  readWorkQueue,
  workQueueSql,
} from "../../../packages/store-postgres/src/index.js";
import { quantile } from "./report.js";

export const TENANTS = 8;
const QUEUE_ID_FROM = 0x4000000;

export const createQueueTemplateTable = async (
  db: pg.ClientBase,
  entries: readonly WorkQueueEntry[],
): Promise<void> => {
  await db.query(`CREATE TABLE public.bench_queue_template (k integer PRIMARY KEY, entry jsonb NOT NULL)`);
  await db.query(
    `INSERT INTO public.bench_queue_template SELECT k - 1, e FROM unnest($1::jsonb[]) WITH ORDINALITY AS u(e, k)`,
    [entries.map((e) => JSON.stringify(e))],
  );
};

const ms = (field: string) => `to_timestamp((q.entry->>'${field}')::float8 / 1000)`;
/** The clones' instants move one minute per round of templates: about a year over 500k. */
const shift = "((n / k.templates) * interval '1 minute')";

/** Replaces the active set's queue with `size` cloned entries; returns the set's queue table. */
export const fillQueue = async (
  store: PostgresEventStore,
  db: pg.ClientBase,
  version: number,
  size: number,
): Promise<string> => {
  const table = readSideTables(store.schema, version).workQueue;
  await db.query(`TRUNCATE ${table}`);
  await db.query(
    `INSERT INTO ${table} (tenant, ticket_id, version, policy_id, organisation, contract_id, requester, assignee,
      group_name, status, priority, priority_rank, vip, subject, opened_at, updated_at, next_deadline,
      next_deadline_metric, breached)
    SELECT 'tenant-' || (n % ${TENANTS}), '01JNDGQ' || lpad(upper(to_hex(${QUEUE_ID_FROM} + n)), 19, '0'),
      (q.entry->>'version')::int, q.entry->>'policyId',
      CASE WHEN q.entry->>'organisation' IS NULL THEN NULL ELSE 'org-' || (n % 200) END,
      q.entry->>'contractId', q.entry->>'requester',
      CASE WHEN q.entry->>'assignee' IS NULL THEN NULL ELSE 'agent-' || (n % 40) END,
      q.entry->>'group', q.entry->>'status', q.entry->>'priority', (q.entry->>'priorityRank')::int,
      (q.entry->>'vip')::boolean, q.entry->>'subject',
      ${ms("openedAt")} + ${shift}, ${ms("updatedAt")} + ${shift}, ${ms("nextDeadline")} + ${shift},
      q.entry->>'nextDeadlineMetric', (q.entry->>'breached')::boolean
    FROM generate_series(0, $1::int - 1) n
      CROSS JOIN (SELECT count(*)::int AS templates FROM public.bench_queue_template) k
      JOIN public.bench_queue_template q ON q.k = n % k.templates`,
    [size],
  );
  await db.query(`ANALYZE ${table}`);
  return table;
};

export interface QueuePage {
  readonly name: string;
  readonly filter: (tenant: string) => WorkQueueFilter;
  /** Entries per page; undefined = the whole queue (readWorkQueue's default). */
  readonly limit: number | undefined;
  readonly reps: number;
}

export const QUEUE_PAGES: readonly QueuePage[] = [
  { name: "tenant queue, first 50", filter: (tenant) => ({ tenant }), limit: 50, reps: 200 },
  { name: "agent's queue, first 50", filter: (tenant) => ({ tenant, assignee: "agent-7" }), limit: 50, reps: 200 },
  { name: "unassigned, first 50", filter: (tenant) => ({ tenant, assignee: null }), limit: 50, reps: 200 },
  {
    name: "organisation view, first 50",
    filter: (tenant) => ({ tenant, organisation: "org-17" }),
    limit: 50,
    reps: 200,
  },
  {
    name: "awaiting customer, first 50",
    filter: (tenant) => ({ tenant, status: ["awaiting-customer"] }),
    limit: 50,
    reps: 200,
  },
  { name: "new tickets, first 50", filter: (tenant) => ({ tenant, status: ["new"] }), limit: 50, reps: 200 },
  { name: "whole tenant queue", filter: (tenant) => ({ tenant }), limit: undefined, reps: 6 },
];

export interface PageTiming {
  readonly p50: number;
  readonly p95: number;
  readonly rows: number;
  /** Shared buffers the statement touched (hit + read), from EXPLAIN (ANALYZE, BUFFERS): no noise. */
  readonly buffers: number;
  /** The indexes its plan scans. */
  readonly indexes: readonly string[];
}

interface PlanNode {
  readonly "Index Name"?: string;
  readonly "Shared Hit Blocks"?: number;
  readonly "Shared Read Blocks"?: number;
  readonly Plans?: readonly PlanNode[];
}

const indexesOf = (node: PlanNode): string[] => [
  ...(node["Index Name"] ? [node["Index Name"]] : []),
  ...(node.Plans ?? []).flatMap(indexesOf),
];

/** The page's plan on tenant-0: buffers touched and indexes scanned. */
const explain = async (store: PostgresEventStore, page: QueuePage) => {
  const { sql, params } = workQueueSql(page.filter("tenant-0"), {
    ...(page.limit === undefined ? {} : { limit: page.limit }),
  });
  const { rows } = await store.driver.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
    [...params],
  );
  const plan = (rows[0] as { "QUERY PLAN": [{ Plan: PlanNode }] })["QUERY PLAN"][0].Plan;
  return { buffers: (plan["Shared Hit Blocks"] ?? 0) + (plan["Shared Read Blocks"] ?? 0), indexes: indexesOf(plan) };
};

/** p50 and p95 (ms) of each page, over tenants in turn, with its plan's buffers and indexes. */
export const timeQueuePages = async (store: PostgresEventStore): Promise<Map<string, PageTiming>> => {
  const out = new Map<string, PageTiming>();
  for (const page of QUEUE_PAGES) {
    const latencies: number[] = [];
    let rows = 0;
    for (let i = 0; i < page.reps; i++) {
      const t = performance.now();
      const entries = await readWorkQueue(store.driver, page.filter(`tenant-${i % TENANTS}`), {
        ...(page.limit === undefined ? {} : { limit: page.limit }),
      });
      latencies.push(performance.now() - t);
      rows = Math.max(rows, entries.length);
    }
    out.set(page.name, {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      rows,
      ...(await explain(store, page)),
    });
  }
  return out;
};
