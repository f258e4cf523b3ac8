/**
 * Gap-free read-all. A sequence hands out numbers in the order transactions ask for them, not
 * the order they commit: with concurrent writers, "everything after position N" can skip a
 * transaction that committed late, and a subscriber would never see its events. So the log is
 * ordered by (transaction id, global position) and a read only returns rows written by
 * transactions older than the oldest one still running (`pg_snapshot_xmin`): those have all
 * finished, and no later transaction can ever get a smaller id. The last pair read is the
 * checkpoint, and reading after it never misses or repeats an event.
 */
import { InvalidCheckpoint, type ReadAllOptions, type ReadAllResult } from "@ticketfold/core";
import { checkpointOf, LOG_START, parseCheckpoint } from "./checkpoint.js";
import { namedStatements, type SqlExecutor } from "./driver.js";
import { type LogPartition, partitionSql } from "./partition.js";
import { EVENT_COLUMNS, type EventRow, toRecorded } from "./rows.js";
import { openedWith, type StoreSchema } from "./schema.js";

export const DEFAULT_READ_ALL_LIMIT = 1000;

// A checkpoint must name a stored event (the store only issues those): a forged or foreign
// one would silently skip events. The EXISTS is evaluated once per statement (an InitPlan).
const ANCHOR = (s: StoreSchema): string =>
  `EXISTS (SELECT 1 FROM ${s.events} a WHERE a.transaction_id = $1::xid8 AND a.global_position = $2::bigint)`;

const readAllSql = (s: StoreSchema, anchored: boolean, byTenant: boolean, partition?: LogPartition): string => {
  const partitioned = partition === undefined ? "" : ` AND ${partitionSql(partition.by, byTenant ? 5 : 4)}`;
  return `SELECT ${EVENT_COLUMNS} FROM ${s.events} e
  WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)${byTenant ? " AND e.tenant = $4" : ""}${partitioned}${anchored ? ` AND ${ANCHOR(s)}` : ""}
  ORDER BY e.transaction_id, e.global_position
  LIMIT $3`;
};

/**
 * Reads the next page of the global log after `options.after` through `db`; with `partition`,
 * only that partition's events (partition.ts), the checkpoint being the last of them.
 */
// Four texts per schema and partition kind (anchored or not × one tenant or all), each prepared once per connection.
const named = namedStatements("ticketfold_read_all");

export const readAllWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  options: ReadAllOptions = {},
  partition?: LogPartition,
): Promise<ReadAllResult> => {
  const after = parseCheckpoint(options.after);
  // The store checked the options (validateReadAll); so did subscribe and the read side.
  const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
  const params: unknown[] = [after.transactionId, after.globalPosition, limit];
  if (options.tenantId !== undefined) params.push(options.tenantId);
  if (partition !== undefined) params.push(partition.count, partition.index);
  const anchored = after !== LOG_START;
  const sql = readAllSql(s, anchored, options.tenantId !== undefined, partition);
  const { rows } = await db.query<EventRow>(sql, params, named(sql));
  // An empty page may mean the anchor is missing: tell that apart from "nothing new".
  if (anchored && rows.length === 0) {
    const found = await db.query(`SELECT ${ANCHOR(s)} AS found`, [after.transactionId, after.globalPosition]);
    if ((found.rows[0] as { found?: unknown } | undefined)?.found !== true) {
      throw new InvalidCheckpoint(options.after as string);
    }
  }
  const events = await openedWith(db, s, rows.map(toRecorded));
  const last = rows.at(-1);
  return {
    events,
    checkpoint: last
      ? checkpointOf({ transactionId: last.transaction_id, globalPosition: last.global_position })
      : (options.after ?? null),
    isEnd: rows.length < limit,
  };
};
