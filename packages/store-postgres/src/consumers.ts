/**
 * Consumer checkpoint rows. A consumer's checkpoint is keyed by its name and its scope: all
 * tenants, or one tenant. The two key spaces cannot meet by construction: an all-tenants row
 * has no tenant (NULL) and a tenant row has a tenant id, which is never empty (a CHECK, and
 * the store refuses any id breaking the tenant id rule). Migration 3 moves schemas made when
 * `''` stood for all tenants, so a consumer scoped to a tenant `''` could share, and move, the
 * all-tenants checkpoint, and the all-tenants consumer then skipped events.
 */
import type { Checkpoint } from "@ticketfold/core";
import { checkpointOf, type LogPosition } from "./checkpoint.js";
import type { SqlExecutor } from "./driver.js";
import type { Migration } from "./migrations.js";
import type { StoreSchema } from "./schema.js";

export const consumerScopeMigration: Migration = {
  version: 3,
  name: "consumer checkpoints: all tenants is NULL, a tenant is never empty",
  // Each statement is idempotent, so the printed script can run again.
  statements: (s) => [
    `ALTER TABLE ${s.consumers} DROP CONSTRAINT IF EXISTS consumers_pkey`,
    `ALTER TABLE ${s.consumers} ALTER COLUMN tenant DROP NOT NULL`,
    `UPDATE ${s.consumers} SET tenant = NULL WHERE tenant = ''`,
    `ALTER TABLE ${s.consumers} DROP CONSTRAINT IF EXISTS consumers_tenant_not_empty,
  ADD CONSTRAINT consumers_tenant_not_empty CHECK (tenant <> '')`,
    `CREATE UNIQUE INDEX IF NOT EXISTS consumers_all_tenants ON ${s.consumers} (consumer) WHERE tenant IS NULL`,
    `CREATE UNIQUE INDEX IF NOT EXISTS consumers_one_tenant ON ${s.consumers} (tenant, consumer) WHERE tenant IS NOT NULL`,
  ],
};

/** The WHERE clause and parameters naming one consumer row ($1 = consumer, $2 = tenant). */
const row = (consumer: string, tenantId: string | undefined) =>
  tenantId === undefined
    ? { where: "consumer = $1 AND tenant IS NULL", params: [consumer] as unknown[] }
    : { where: "consumer = $1 AND tenant = $2", params: [consumer, tenantId] as unknown[] };

/** Creates the consumer's row at the start of the log, unless it exists. */
export const ensureConsumer = async (
  tx: SqlExecutor,
  s: StoreSchema,
  consumer: string,
  tenantId: string | undefined,
): Promise<void> => {
  await tx.query(`INSERT INTO ${s.consumers} (consumer, tenant) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    consumer,
    tenantId ?? null,
  ]);
};

/** The stored checkpoint of a consumer (null before its first batch); `forUpdate` locks the row. */
export const readConsumerCheckpoint = async (
  db: SqlExecutor,
  s: StoreSchema,
  consumer: string,
  tenantId?: string,
  forUpdate = false,
): Promise<Checkpoint | null> => {
  const { where, params } = row(consumer, tenantId);
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
    FROM ${s.consumers} WHERE ${where}${forUpdate ? " FOR UPDATE" : ""}`,
    params,
  );
  const found = rows[0];
  return found ? checkpointOf({ transactionId: found.transaction_id, globalPosition: found.global_position }) : null;
};

/** Moves a consumer's checkpoint to `to`. */
export const storeConsumerCheckpoint = async (
  tx: SqlExecutor,
  s: StoreSchema,
  consumer: string,
  tenantId: string | undefined,
  to: LogPosition,
): Promise<void> => {
  const { where, params } = row(consumer, tenantId);
  const n = params.length;
  await tx.query(
    `UPDATE ${s.consumers} SET transaction_id = $${n + 1}::xid8, global_position = $${n + 2}::bigint, updated_at = now()
    WHERE ${where}`,
    [...params, to.transactionId, to.globalPosition],
  );
};

/** Forgets a consumer's checkpoint, and its partitions' (`<consumer>#…`, partition-checkpoints.ts). */
export const deleteConsumer = async (
  tx: SqlExecutor,
  s: StoreSchema,
  consumer: string,
  tenantId: string | undefined,
): Promise<void> => {
  const { where, params } = row(consumer, tenantId);
  const scope = where.replace("consumer = $1 AND ", "");
  await tx.query(`DELETE FROM ${s.consumers} WHERE ${where}`, params);
  await tx.query(`DELETE FROM ${s.consumers} WHERE starts_with(consumer, $1 || '#') AND ${scope}`, params);
};
