/**
 * The work queue in SQL: the same filters and the same total order as the core's
 * `queryWorkQueue` (tier rank first, nearest deadline with none last, priority rank, opened
 * earliest, ticket id, tenant), read through the `work_queue` view of the active table set.
 * The order follows the `work_queue_tier_order` index, so a page is an index range scan.
 */
import { validateTenantId, type WorkQueueEntry, type WorkQueueFilter } from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import { DEFAULT_SCHEMA, storeSchema } from "../schema.js";
import { validateText } from "./errors.js";
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
  "tenant",
  "ticket_id",
  "version",
  "policy_id",
  "organisation",
  "contract_id",
  "requester",
  "assignee",
  "group_name",
  "status",
  "priority",
  "priority_rank",
  "vip",
  "tier_rank",
  "subject",
  ms("opened_at"),
  ms("updated_at"),
  ms("next_deadline"),
  "next_deadline_metric",
  "breached",
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
): { readonly sql: string; readonly params: readonly unknown[] } => {
  // A tenant or name no store could hold is refused here, not by the driver.
  const invalid =
    validateTenantId(filter.tenant, "filter.tenant") ??
    (typeof filter.organisation === "string" ? validateText(filter.organisation, "filter.organisation") : undefined) ??
    (typeof filter.assignee === "string" ? validateText(filter.assignee, "filter.assignee") : undefined);
  if (invalid) throw invalid;
  const params: unknown[] = [filter.tenant];
  const where = ["tenant = $1"];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.organisation !== undefined) where.push(`organisation = ${param(filter.organisation)}`);
  if (filter.assignee === null) where.push("assignee IS NULL");
  else if (filter.assignee !== undefined) where.push(`assignee = ${param(filter.assignee)}`);
  if (filter.status !== undefined && filter.status.length > 0)
    where.push(`status = ANY(${param(filter.status)}::text[])`);
  if (filter.vipOnly === true) where.push("vip");
  const limit = options.limit === undefined ? "" : ` LIMIT ${param(Math.max(0, Math.floor(options.limit)))}`;
  const view = readSideViews(storeSchema(options.schema ?? DEFAULT_SCHEMA)).workQueue;
  // Qualified names in ORDER BY are the view's columns (not the millisecond aliases), so the
  // order index applies and no sort is needed.
  const sql = `SELECT ${COLUMNS} FROM ${view} q WHERE ${where.join(" AND ")}
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

/**
 * @deprecated Renamed `readWorkQueue` (the core's `queryWorkQueue` filters entries
 * in memory, with another signature). This alias goes in the next minor version.
 */
export const queryWorkQueue = readWorkQueue;
