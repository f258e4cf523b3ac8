/**
 * Checkpoints of partitioned consumers. Each partition of each partition count has its own row
 * (`<consumer>#ticket:2/4`), so changing the count never moves another count's checkpoints. A
 * partition row is created once, where it is safe to start: every event up to a point P has
 * been handled when a complete set of rows (the unpartitioned consumer, or all `n` partitions
 * of some count) all stand at or past P. So the new row starts at the furthest such point
 * over the complete sets (for each set, the smallest of its checkpoints), or at the log's start
 * when there is none. Events between that point and where each old partition stood are read
 * again: the handler must skip events it already has (the read side does, by ticket version).
 */
import { LOG_START, type LogPosition } from "./checkpoint.js";
import type { SqlExecutor } from "./driver.js";
import { type LogPartition, parsePartitionConsumer, partitionConsumer } from "./partition.js";
import type { StoreSchema } from "./schema.js";

interface Row {
  readonly consumer: string;
  readonly transaction_id: string;
  readonly global_position: string;
}

const compare = (a: LogPosition, b: LogPosition): number => {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const pos = BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return pos === 0n ? 0 : pos < 0n ? -1 : 1;
};

const positionOf = (r: Row): LogPosition => ({ transactionId: r.transaction_id, globalPosition: r.global_position });

/** The furthest point every complete set of rows has handled the log up to. */
export const safeStart = (consumer: string, rows: readonly Row[]): LogPosition => {
  const sets = new Map<string, { count: number; positions: Map<number, LogPosition> }>();
  for (const r of rows) {
    if (r.consumer === consumer) {
      sets.set("whole", { count: 1, positions: new Map([[0, positionOf(r)]]) });
      continue;
    }
    const p = parsePartitionConsumer(r.consumer);
    if (p === undefined || p.consumer !== consumer) continue;
    const key = `${p.by}:${p.count}`;
    const set = sets.get(key) ?? { count: p.count, positions: new Map<number, LogPosition>() };
    set.positions.set(p.index, positionOf(r));
    sets.set(key, set);
  }
  let best = LOG_START;
  for (const set of sets.values()) {
    if (set.positions.size !== set.count) continue; // a partition never started: nothing known
    const least = [...set.positions.values()].reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    if (compare(least, best) > 0) best = least;
  }
  return best;
};

/** Creates partition `p`'s row of `consumer` (see above), unless it exists; returns its name. */
export const ensurePartitionConsumer = async (
  tx: SqlExecutor,
  s: StoreSchema,
  consumer: string,
  tenantId: string | undefined,
  p: LogPartition,
): Promise<string> => {
  const name = partitionConsumer(consumer, p);
  const scope = tenantId === undefined ? "tenant IS NULL" : "tenant = $2";
  const params = tenantId === undefined ? [consumer] : [consumer, tenantId];
  const { rows } = await tx.query<Row>(
    `SELECT consumer, transaction_id::text AS transaction_id, global_position::text AS global_position
    FROM ${s.consumers} WHERE ${scope} AND (consumer = $1 OR starts_with(consumer, $1 || '#'))`,
    params,
  );
  if (rows.some((r) => r.consumer === name)) return name;
  const start = safeStart(consumer, rows);
  await tx.query(
    `INSERT INTO ${s.consumers} (consumer, tenant, transaction_id, global_position)
    VALUES ($1, $2, $3::xid8, $4::bigint) ON CONFLICT DO NOTHING`,
    [name, tenantId ?? null, start.transactionId, start.globalPosition],
  );
  return name;
};
