/**
 * The work queue in SQL: the same filters and the same total order as the core's
 * `queryWorkQueue` (tier rank first, nearest deadline with none last, priority rank, opened
 * earliest, ticket id, tenant), read through the `work_queue` view of the active table set.
 * The order follows the `work_queue_tier_order` index, so a page is an index range scan.
 */
import {
  type Instant,
  liveMetricStatusAt,
  type MetricStatus,
  type PolicyLookup,
  readingCalendar,
  type SlaStatus,
  UnknownPolicy,
  validateTenantId,
  type WorkQueueEntry,
  type WorkQueueFilter,
} from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import { DEFAULT_SCHEMA, storeSchema } from "../schema.js";
import { ReadSideRowInvalid, validateText } from "./errors.js";
import { decodeQueueClocksRow } from "./queue-clocks.js";
import { queueClocksView } from "./queue-clocks-tables.js";
import { readSideViews } from "./tables.js";

interface QueueRow {
  tenant: string;
  ticket_id: string;
  version: number;
  policy_id: string;
  organisation: string | null;
  contract_id: string | null;
  requester: string;
  assignee: string | null;
  group_name: string | null;
  status: WorkQueueEntry["status"];
  priority: string;
  priority_rank: number;
  vip: boolean;
  tier_rank: number;
  subject: string;
  opened_at: number;
  updated_at: number;
  next_deadline: number | null;
  next_deadline_metric: WorkQueueEntry["nextDeadlineMetric"];
  breached: boolean;
}

const ms = (column: string) => `(extract(epoch FROM q.${column}) * 1000)::float8 AS ${column}`;
const COLUMNS = [
  "q.tenant",
  "q.ticket_id",
  "q.version",
  "q.policy_id",
  "q.organisation",
  "q.contract_id",
  "q.requester",
  "q.assignee",
  "q.group_name",
  "q.status",
  "q.priority",
  "q.priority_rank",
  "q.vip",
  "q.tier_rank",
  "q.subject",
  ms("opened_at"),
  ms("updated_at"),
  ms("next_deadline"),
  "q.next_deadline_metric",
  "q.breached",
].join(", ");

const toEntry = (r: QueueRow): WorkQueueEntry => ({
  tenant: r.tenant,
  ticketId: r.ticket_id,
  version: Number(r.version),
  policyId: r.policy_id,
  organisation: r.organisation,
  contractId: r.contract_id,
  requester: r.requester,
  assignee: r.assignee,
  group: r.group_name,
  status: r.status,
  priority: r.priority,
  priorityRank: Number(r.priority_rank),
  vip: r.vip,
  tierRank: Number(r.tier_rank),
  subject: r.subject,
  openedAt: Number(r.opened_at),
  updatedAt: Number(r.updated_at),
  nextDeadline: r.next_deadline === null ? null : Number(r.next_deadline),
  nextDeadlineMetric: r.next_deadline_metric,
  breached: r.breached,
});

export interface WorkQueueQueryOptions {
  /** The store's PostgreSQL schema (default "ticketfold"). */
  readonly schema?: string;
  /** At most this many entries (default: all). */
  readonly limit?: number;
}

/** The statement `readWorkQueue` runs, with its parameters (for EXPLAIN and tests). */
export const workQueueSql = (
  filter: WorkQueueFilter,
  options: WorkQueueQueryOptions = {},
): { readonly sql: string; readonly params: readonly unknown[] } => queueStatement(filter, options, false);

/** The statement `readLiveWorkQueue` runs: the queue's, each row joined to its clock reading. */
export const liveWorkQueueSql = (
  filter: WorkQueueFilter,
  options: WorkQueueQueryOptions = {},
): { readonly sql: string; readonly params: readonly unknown[] } => queueStatement(filter, options, true);

const queueStatement = (
  filter: WorkQueueFilter,
  options: WorkQueueQueryOptions,
  live: boolean,
): { readonly sql: string; readonly params: readonly unknown[] } => {
  // A tenant or name no store could hold is refused here, not by the driver.
  const invalid =
    validateTenantId(filter.tenant, "filter.tenant") ??
    (typeof filter.organisation === "string" ? validateText(filter.organisation, "filter.organisation") : undefined) ??
    (typeof filter.assignee === "string" ? validateText(filter.assignee, "filter.assignee") : undefined);
  if (invalid) throw invalid;
  const params: unknown[] = [filter.tenant];
  const where = ["q.tenant = $1"];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.organisation !== undefined) where.push(`q.organisation = ${param(filter.organisation)}`);
  if (filter.assignee === null) where.push("q.assignee IS NULL");
  else if (filter.assignee !== undefined) where.push(`q.assignee = ${param(filter.assignee)}`);
  if (filter.status !== undefined && filter.status.length > 0)
    where.push(`q.status = ANY(${param(filter.status)}::text[])`);
  if (filter.vipOnly === true) where.push("q.vip");
  const limit = options.limit === undefined ? "" : ` LIMIT ${param(Math.max(0, Math.floor(options.limit)))}`;
  const schema = storeSchema(options.schema ?? DEFAULT_SCHEMA);
  const view = readSideViews(schema).workQueue;
  // A page's rows each join their reading by primary key (a LEFT JOIN: a row without one is
  // reported, not dropped), after the queue's own order and limit.
  const from = live
    ? `${view} q LEFT JOIN ${queueClocksView(schema)} c ON c.tenant = q.tenant AND c.ticket_id = q.ticket_id`
    : `${view} q`;
  const columns = live ? `${COLUMNS}, ${LIVE_COLUMNS}` : COLUMNS;
  // Qualified names in ORDER BY are the view's columns (not the millisecond aliases), so the
  // order index applies and no sort is needed.
  const sql = `SELECT ${columns} FROM ${from} WHERE ${where.join(" AND ")}
    ORDER BY q.tier_rank, q.next_deadline ASC NULLS LAST, q.priority_rank, q.opened_at, q.ticket_id, q.tenant${limit}`;
  return { sql, params };
};

/** The entries passing `filter`, in queue order, from the active read side. */
export const readWorkQueue = async (
  db: SqlExecutor,
  filter: WorkQueueFilter,
  options: WorkQueueQueryOptions = {},
): Promise<WorkQueueEntry[]> => {
  const { sql, params } = workQueueSql(filter, options);
  const { rows } = await db.query<QueueRow>(sql, params);
  return rows.map(toEntry);
};

/** A queue entry with its SLA statuses at a given `now`, derived from its stored clock reading. */
export interface LiveWorkQueueEntry extends WorkQueueEntry {
  /** Every metric's status at `now`, as the core's `slaStatus(state, policy, now)` gives it. */
  readonly sla: SlaStatus;
  /** Is a metric breached at `now` (`breached` is as at the ticket's last event). */
  readonly breachedNow: boolean;
}

export interface LiveWorkQueueOptions extends WorkQueueQueryOptions {
  /** The instant the statuses are read at (expected at or after every entry's last event). */
  readonly now: Instant;
  /** The desk's policy lookup: the calendars the readings count on (as the projection resolves them). */
  readonly policies: PolicyLookup;
}

interface LiveRow extends QueueRow {
  c_policy_id: unknown;
  c_policy_version: unknown;
  c_read_ms: unknown;
  c_readings: unknown;
}

const LIVE_COLUMNS =
  "c.policy_id AS c_policy_id, c.policy_version AS c_policy_version, c.read_ms::float8 AS c_read_ms, c.readings AS c_readings";

/** An entry's statuses at `now` from its row's reading; throws a coded error on a bad row. */
const liveEntry = (r: LiveRow, now: Instant, policies: PolicyLookup): LiveWorkQueueEntry => {
  const entry = toEntry(r);
  const where = `work_queue_clocks row of ticket ${JSON.stringify(r.ticket_id)} (tenant ${JSON.stringify(r.tenant)})`;
  if (r.c_read_ms === null && r.c_readings === null)
    throw new ReadSideRowInvalid(
      where,
      "it is missing: the read side has not written it yet (run runReadSide or catchUpReadSide, which fill it)",
    );
  const row = decodeQueueClocksRow({
    policy_id: r.c_policy_id,
    policy_version: r.c_policy_version === null ? null : Number(r.c_policy_version),
    read_ms: r.c_read_ms === null ? null : Number(r.c_read_ms),
    readings: r.c_readings,
  });
  if (row._tag === "Left") throw new ReadSideRowInvalid(where, row.left.message);
  const { policy_id: policyId, policy_version: policyVersion, read_ms: at, readings } = row.right;
  const policy = policies(policyId, policyVersion ?? undefined);
  if (policy === undefined) throw new UnknownPolicy(r.tenant, r.ticket_id, policyId);
  // A `now` before the reading reads as at the reading (statuses are never read backwards).
  const when = Math.max(now, at);
  const sla: { [K in MetricStatus["metric"]]?: MetricStatus } = {};
  let breachedNow = false;
  for (const read of readings) {
    const calendar = readingCalendar(policy, read);
    if (calendar === undefined)
      throw new ReadSideRowInvalid(
        where,
        `policy ${JSON.stringify(policyId)} has no ${read.metric} target for priority ${JSON.stringify(read.priority)}: rebuild the read side after changing a policy's targets in place`,
      );
    const status = liveMetricStatusAt(read, calendar, at, when);
    if (status.state === "breached") breachedNow = true;
    sla[status.metric] = status;
  }
  return { ...entry, sla, breachedNow };
};

/**
 * The entries passing `filter`, in queue order, each with its SLA statuses at `now`: derived
 * from the ticket's stored clock reading (one `calendar.between` per running clock), with no
 * snapshot read. Equal to the in-memory `WorkQueueProjection`'s `slaStatus(tenant, id, now)`
 * and to `slaStatus(state, policy, now)`.
 */
export const readLiveWorkQueue = async (
  db: SqlExecutor,
  filter: WorkQueueFilter,
  options: LiveWorkQueueOptions,
): Promise<LiveWorkQueueEntry[]> => {
  const { sql, params } = liveWorkQueueSql(filter, options);
  const { rows } = await db.query<LiveRow>(sql, params);
  return rows.map((r) => liveEntry(r, options.now, options.policies));
};

/**
 * @deprecated Renamed `readWorkQueue` (the core's `queryWorkQueue` filters entries
 * in memory, with another signature). This alias goes in the next minor version.
 */
export const queryWorkQueue = readWorkQueue;
