/**
 * The table of the work queue's clock readings in a read-side table set (queue-clocks.ts), and
 * the view that follows the active set's. A set made before readings were kept gains the table
 * and the view when the read side starts (`ensureReadSide`), and the runner fills it from the
 * set's snapshots before its first batch (`backfillQueueClocks`): no rebuild is needed.
 */
import type { StoreSchema } from "../schema.js";
import type { ReadSideTables } from "./tables.js";

/** The view that follows the active set's clock readings. */
export const queueClocksView = (s: StoreSchema): string => `"${s.name}".work_queue_clocks`;

/** The clock readings' table (idempotent): one row per queued ticket. */
export const queueClocksTableDdl = (t: ReadSideTables): string =>
  `CREATE TABLE IF NOT EXISTS ${t.queueClocks} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  policy_id text NOT NULL,
  policy_version integer,
  clock_length integer NOT NULL,
  priority_count integer NOT NULL,
  read_ms bigint NOT NULL,
  next_deadline_ms bigint,
  readings jsonb NOT NULL,
  PRIMARY KEY (tenant, ticket_id)
)`;

/** The view on the set's readings (made again at a switch). */
export const queueClocksViewDdl = (s: StoreSchema, t: ReadSideTables): readonly string[] => [
  `DROP VIEW IF EXISTS ${queueClocksView(s)}`,
  `CREATE VIEW ${queueClocksView(s)} AS SELECT * FROM ${t.queueClocks}`,
];
